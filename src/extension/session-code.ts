/**
 * What a page session needs beyond the content script's first moments: the scanner, the marks, hover
 * and the name patterns. `content.ts` imports this module dynamically, which esbuild inlines behind
 * a lazy initializer: a frame that never starts a session only skims this code, never runs its
 * modules' top level (tables, word lists, the dataset).
 */
export { default as dataset } from 'virtual:page-dataset';
export { default as markCss } from './highlight.css';
export { PageSession } from './page-session';
