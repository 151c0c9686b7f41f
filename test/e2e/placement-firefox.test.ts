// @vitest-environment node
// Card placement in Firefox (one browser for the file): see placement-suite.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { FIREFOX_DIST, HOOK_TIMEOUT, launchFirefox, startFixtureServer, type FixtureServer } from './helpers';
import { placementSuite, type PlacementPage } from './placement-suite';

let session: Awaited<ReturnType<typeof launchFirefox>> | undefined;
let fixture: FixtureServer;

describe('card placement in Firefox', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    session = await launchFirefox({ extensionDir: FIREFOX_DIST, headless: true });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  placementSuite({
    page: () => session!.page as unknown as PlacementPage,
    url: () => `${fixture.url}placement.html`,
    resize: (width, height) => session!.page.setViewport({ width, height }),
  });
});
