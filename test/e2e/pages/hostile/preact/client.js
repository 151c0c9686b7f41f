// Browser side of the fixture app (bundled by hostile-routes.ts): hydrates the server markup when
// the test asks, then updates it. preact/debug reports any hydration mismatch on the console.
import 'preact/debug';
import { h, hydrate, render } from 'preact';
import { useState } from 'preact/hooks';
import { FIRST, SECOND, Story } from './story.js';

/** @type {((state: typeof FIRST) => void) | null} */
let setStory = null;

function App() {
  const [story, set] = useState(FIRST);
  setStory = set;
  return h(Story, story);
}

const w = /** @type {any} */ (window);
w.hydrateStory = () => hydrate(h(App), document.getElementById('app'));
w.updateStory = () => setStory?.(SECOND);
/** The app's render of a state into a detached element: what the page's DOM should be. */
w.renderFresh = (/** @type {1 | 2} */ edition) => {
  const div = document.createElement('div');
  render(h(Story, edition === 1 ? FIRST : SECOND), div);
  return div;
};
