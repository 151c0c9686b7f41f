// @vitest-environment node
// Card placement in Firefox (one browser for the file): see placement-suite.ts.
import { describe } from 'vitest';
import { setFirefoxViewport, withFirefox } from './helpers';
import { placementSuite, type PlacementPage } from './placement-suite';

describe('card placement in Firefox', () => {
  const { session, fixture } = withFirefox();
  placementSuite({
    page: () => session().page as unknown as PlacementPage,
    url: () => `${fixture().url}placement.html`,
    resize: (width, height) => setFirefoxViewport(session().page, { width, height }),
  });
});
