// @vitest-environment node
// Reader paths in Chromium (one browser for the file): see reader-suite.ts.
import { describe } from 'vitest';
import { withChromium } from './helpers';
import { readerSuite } from './reader-suite';

describe('reader paths in Chromium', () => {
  const { session, fixture } = withChromium();
  readerSuite(
    () => session().page as never,
    () => `${fixture().url}reader.html`,
    { keyboardFocus: true },
  );
});
