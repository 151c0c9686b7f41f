// @vitest-environment node
// Reader paths in Firefox (one browser for the file): see reader-suite.ts.
import { describe } from 'vitest';
import { withFirefox } from './helpers';
import { readerSuite } from './reader-suite';

describe('reader paths in Firefox', () => {
  const { session, fixture } = withFirefox();
  readerSuite(
    () => session().page as never,
    () => `${fixture().url}reader.html`,
    { keyboardFocus: false },
  );
});
