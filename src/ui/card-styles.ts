/** Styles of the card, applied inside its shadow root (page styles neither leak in nor out). */
export const CARD_STYLES = `
:host { all: initial; }
.layer {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", sans-serif;
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2025; --muted: #5b6270; --line: #d9dde3; --accent: #1a5fb4; --check-bg: #fff6e0; --check-line: #e0a800;
}
@media (prefers-color-scheme: dark) {
  .layer:not([data-theme="light"]) { --bg: #1f2228; --fg: #e8eaee; --muted: #a4abb8; --line: #3a3f49; --accent: #8cb8ff; --check-bg: #3a3020; --check-line: #c99a2e; }
}
.layer[data-theme="dark"] { color-scheme: dark; --bg: #1f2228; --fg: #e8eaee; --muted: #a4abb8; --line: #3a3f49; --accent: #8cb8ff; --check-bg: #3a3020; --check-line: #c99a2e; }
.layer[data-theme="light"] { color-scheme: light; }
/* A card built ahead, while the pointer rests on a name: laid out, not seen, not reachable. */
.layer[data-staged] { visibility: hidden; }
.card {
  box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  /* Scroll hints: a soft shade at an edge with more content beyond it. The "local" covers move with
     the content and hide the "scroll" shades once an end is reached. */
  background:
    linear-gradient(var(--bg) 40%, transparent) top / 100% 28px no-repeat local,
    linear-gradient(transparent, var(--bg) 60%) bottom / 100% 28px no-repeat local,
    radial-gradient(farthest-side at 50% 0, rgba(0,0,0,.22), transparent) top / 100% 12px no-repeat scroll,
    radial-gradient(farthest-side at 50% 100%, rgba(0,0,0,.22), transparent) bottom / 100% 12px no-repeat scroll,
    var(--bg);
  color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 12px 14px 10px; overflow-wrap: anywhere; text-align: start;
}
.card:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.toolbar { display: flex; align-items: center; gap: 6px; }
.category { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); flex: 1; }
.icon-button { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; color: var(--muted); }
.icon-button:hover, .icon-button:focus-visible { background: var(--line); color: var(--fg); }
.pin { font-size: 12px; padding: 3px 7px; border: 1px solid var(--line); border-radius: 999px; }
.pin.pinned { color: var(--accent); }
.name { margin: 2px 0 0; font-size: 18px; line-height: 1.25; font-weight: 650; }
.native { margin: 2px 0 0; color: var(--muted); font-size: 15px; }
.roles { margin: 8px 0 0; display: grid; gap: 4px; }
.roles div { display: grid; grid-template-columns: 78px 1fr; gap: 6px; }
.roles dt { color: var(--muted); font-size: 12px; padding-top: 1px; }
.roles dd { margin: 0; }
.summary { margin: 10px 0 4px; }
.section { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 6px; }
.section > summary { cursor: pointer; font-weight: 600; font-size: 13px; color: var(--muted); list-style-position: inside; }
.section ul, .section ol { margin: 6px 0 2px; padding-inline-start: 18px; }
.section li { margin: 3px 0; }
.checks { background: var(--check-bg); border-inline-start: 3px solid var(--check-line); border-top: 0; padding: 6px 8px; border-radius: 4px; }
.check-story, .check-record { display: block; }
.check-story { color: var(--muted); }
.claim-label { font-weight: 600; }
blockquote { margin: 4px 0; padding-inline-start: 8px; border-inline-start: 2px solid var(--line); font-style: italic; }
blockquote footer { font-style: normal; font-size: 12px; color: var(--muted); }
a { color: var(--accent); }
.cite { font-size: 11px; text-decoration: none; vertical-align: super; margin-inline-start: 1px; }
.cite:hover, .cite:focus-visible { text-decoration: underline; }
.link-button { all: unset; cursor: pointer; color: var(--accent); text-decoration: underline; }
.link-button:focus-visible { outline: 2px solid var(--accent); }
.relation, .source-meta { color: var(--muted); }
.foot { margin-top: 8px; font-size: 11px; color: var(--muted); }
@media (prefers-reduced-motion: no-preference) {
  .layer:not([data-staged]) .card { animation: appear 120ms ease-out; }
  @keyframes appear { from { opacity: 0; transform: translateY(2px); } }
}
`;
