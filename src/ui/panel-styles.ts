/**
 * Styles of the popup and the options page (extension pages: injected into a <style> by the entry).
 * Theme: each colour is light-dark(light, dark), picked by the root's color-scheme: the system's by
 * default, `data-theme="light" | "dark"` on <html> overrides it.
 * Sizes in rem so the pages follow zoom and the user's font size.
 */
export const PANEL_STYLES = `
:root {
  color-scheme: light dark;
  --bg: light-dark(#ffffff, #1f2228); --fg: light-dark(#1d2025, #e8eaee); --muted: light-dark(#5b6270, #a4abb8);
  --line: light-dark(#d9dde3, #3a3f49); --accent: light-dark(#1a5fb4, #8cb8ff); --accent-fg: light-dark(#ffffff, #10131a);
  --hover: light-dark(#eef1f5, #2a2e36); --warn-bg: light-dark(#fff6e0, #3a3020); --warn-line: light-dark(#e0a800, #c99a2e);
  --error: light-dark(#b3261e, #ffb4ab); --ok: light-dark(#1e7b34, #7fd18f);
}
:root[data-theme="light"] { color-scheme: light; }
:root[data-theme="dark"] { color-scheme: dark; }
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--fg); }
body {
  font: 0.875rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", sans-serif;
  overflow-wrap: anywhere;
}
.panel { padding: 0.75rem 0.875rem; }
.popup { width: 22rem; max-width: 100vw; }
.options { max-width: 44rem; margin: 0 auto; padding: 1.25rem 1rem 2rem; }
.title { font-size: 1.125rem; margin: 0; font-weight: 650; }
.options .title { font-size: 1.375rem; margin-bottom: 0.75rem; }
.subtitle { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.375rem; font-weight: 600; }
.options .subtitle { font-size: 0.9375rem; text-transform: none; letter-spacing: 0; color: var(--fg); }
.muted, .hint { color: var(--muted); }
.hint { display: block; font-size: 0.8125rem; margin: 0.125rem 0 0; }
.error { color: var(--error); }
.small { font-size: 0.8125rem; }
p { margin: 0.375rem 0; }

:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

.popup-head { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; margin-bottom: 0.5rem; }
.link-button { all: unset; cursor: pointer; color: var(--accent); text-decoration: underline; border-radius: 3px; }
.link-button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

.switches { display: grid; gap: 0.375rem; padding: 0.5rem 0; border-block: 1px solid var(--line); }
.mark-sample { margin-inline-start: 0.75em; }
.switch-row, .check-row { display: flex; align-items: flex-start; gap: 0.5rem; padding: 0.125rem 0; }
.switch-label { display: grid; cursor: pointer; }
.switch-row input:disabled + .switch-label { cursor: default; color: var(--muted); }
input.switch {
  appearance: none; flex: none; margin: 0.125rem 0 0; width: 2.25rem; height: 1.25rem; border-radius: 0.625rem;
  background: var(--line); border: 1px solid var(--muted); position: relative; cursor: pointer;
}
input.switch::before {
  content: ""; position: absolute; top: 0.125rem; inset-inline-start: 0.125rem; width: 0.875rem; height: 0.875rem;
  border-radius: 50%; background: var(--bg); border: 1px solid var(--muted);
}
input.switch:checked { background: var(--accent); border-color: var(--accent); }
input.switch:checked::before { inset-inline-start: calc(100% - 1.0625rem); border-color: var(--accent); }
input.switch:disabled { opacity: 0.5; cursor: default; }
@media (forced-colors: active) {
  input.switch { appearance: auto; width: auto; height: auto; }
  input.switch::before { display: none; }
}
@media (prefers-reduced-motion: no-preference) {
  input.switch::before { transition: inset-inline-start 120ms ease-out; }
}

.notice { margin: 0.5rem 0; padding: 0.375rem 0.5rem; border-inline-start: 3px solid var(--accent); background: var(--hover); border-radius: 4px; }
.notice.warning { background: var(--warn-bg); border-color: var(--warn-line); }
.notice ul { margin: 0.25rem 0; padding-inline-start: 1.25rem; }

.group { margin: 0.75rem 0 0; }
.figures, .connection-list, .site-list { list-style: none; margin: 0; padding: 0; }
.figure {
  all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; padding: 0.375rem 0.5rem; border-radius: 6px;
}
.figure:hover { background: var(--hover); }
.figure:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; background: var(--hover); }
.figure-line { display: flex; gap: 0.5rem; align-items: baseline; justify-content: space-between; }
.figure-name { font-weight: 600; }
.figure-count { flex: none; color: var(--muted); font-size: 0.75rem; font-variant-numeric: tabular-nums; }
.figure-role { display: block; color: var(--muted); font-size: 0.8125rem; }
.connection-list li { padding: 0.1875rem 0.5rem; font-size: 0.8125rem; }
.unreadable { margin-top: 0.75rem; }
.unreadable .subtitle { text-transform: none; letter-spacing: 0; font-size: 0.9375rem; color: var(--fg); }

fieldset.group, form > .field { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 0.75rem 0.625rem; margin: 0.875rem 0 0; min-width: 0; }
fieldset.group fieldset.group { border: 0; padding: 0; margin: 0.25rem 0 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.field { margin: 0.875rem 0 0; display: grid; gap: 0.25rem; }
.field label, .add-site label, .list-title { font-weight: 600; font-size: 0.875rem; margin: 0.5rem 0 0.25rem; }
input[type="number"], input[type="text"] {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 0.25rem 0.5rem; min-width: 0;
}
input[type="number"] { width: 8rem; }
input[aria-invalid="true"] { border-color: var(--error); }
input[type="checkbox"]:not(.switch), input[type="radio"] { margin: 0.1875rem 0 0; accent-color: var(--accent); flex: none; }
.inline { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.inline input { flex: 1 1 12rem; }
.site-list li { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.1875rem 0; border-bottom: 1px solid var(--line); }
.site { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.8125rem; }
.button {
  font: inherit; color: var(--fg); background: var(--hover); border: 1px solid var(--line); border-radius: 6px; padding: 0.3125rem 0.75rem; cursor: pointer;
}
.button:hover { border-color: var(--muted); }
.button.small { padding: 0.125rem 0.5rem; font-size: 0.8125rem; }
.shortcuts { border-collapse: collapse; margin: 0.25rem 0; }
.shortcuts th, .shortcuts td { text-align: start; padding: 0.25rem 1rem 0.25rem 0; font-weight: normal; vertical-align: top; }
kbd { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.8125rem; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3125rem; }
.actions { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; margin-top: 1.25rem; }
.status { margin: 0; min-height: 1.45em; }
.status.saved { color: var(--ok); }
.status.error { color: var(--error); }
`;

/** The cast, its search and the card shown in place on extension pages (popup, lookup page). */
export const CAST_STYLES = `
.inline-card.layer { position: static; z-index: auto; font-size: 0.875rem; }
.inline-card .card { width: auto; max-height: none; box-shadow: none; }
.search-label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
.search {
  width: 100%; min-height: 2rem; font: inherit; padding: 0.375rem 0.5rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px;
}
.tabs { display: flex; gap: 0.5rem; margin: 0.5rem 0; flex-wrap: wrap; }
.tab {
  font: inherit; min-height: 1.75rem; padding: 0.25rem 0.75rem; cursor: pointer; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 999px;
}
.tab[aria-pressed="true"] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.lookup { max-width: 40rem; margin: 0 auto; }
.checks-list { list-style: none; padding: 0; margin: 0; }
.check-item { border-inline-start: 3px solid var(--warn-line); background: var(--warn-bg); padding: 0.375rem 0.625rem; margin: 0.375rem 0; border-radius: 4px; }
.differences-figure { text-transform: none; letter-spacing: 0; font-size: 0.9375rem; }
`;
