// The fixture app's one component, rendered on the server (hostile-routes.ts) and hydrated in the
// page (client.js). Plain `h` calls: the same file runs in Node and, bundled, in the browser.
import { h } from 'preact';

/** What the server sends: two paragraphs. */
export const FIRST = {
  edition: 1,
  paragraphs: ['Abdul Ghani Baradar led the delegation to Tianjin.', 'Spokesman Zabihullah Mujahid said little.'],
};

/** After the update: the second paragraph's text changed, a third paragraph added. */
export const SECOND = {
  edition: 2,
  paragraphs: [
    'Abdul Ghani Baradar led the delegation to Tianjin.',
    'Spokeswoman Hua Chunying answered for Beijing.',
    'Later that year Meng Hongwei was no longer in the news.',
  ],
};

/** @param {{edition: number, paragraphs: string[]}} props */
export function Story({ edition, paragraphs }) {
  // One string per text node: adjacent text children would come back from the server as one node.
  return h(
    'article',
    { id: 'story', 'data-edition': String(edition) },
    h('h1', null, `Talks in Tianjin, edition ${edition}`),
    paragraphs.map((text, i) => h('p', { key: i, class: 'para' }, text)),
  );
}
