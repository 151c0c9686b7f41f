// Probes of keyboard focus in our card, run in the page by the Chromium tests (readers-chromium):
// which control has the focus, focusing one by its name, where its ring is drawn, and the ring's
// contrast against the card.

export type Box = { x: number; y: number; width: number; height: number };

/** Runs in the page: the text or accessible name of the control focused in our card. */
export function focusedControl(): string | null {
  const inner = document.querySelector('context-cards-host')?.shadowRoot?.activeElement;
  return inner ? (inner.getAttribute('aria-label') ?? inner.textContent?.trim() ?? null) : null;
}

/** Runs in the page: focuses the card control named `label` (as Tab would reach it). */
export function focusControl(label: string): boolean {
  const root = document.querySelector('context-cards-host')?.shadowRoot;
  const control = [...(root?.querySelectorAll<HTMLElement>('[role="dialog"] button, [role="dialog"] a') ?? [])].find(
    (b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label,
  );
  control?.focus();
  return control != null;
}

/** Runs in the page: a card control's box widened by 6 px (where a focus ring is drawn). */
export function controlBox(selector: string): Box | null {
  const el = document.querySelector('context-cards-host')?.shadowRoot?.querySelector(`[role="dialog"] ${selector}`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: Math.floor(r.left) - 6, y: Math.floor(r.top) - 6, width: Math.ceil(r.width) + 12, height: Math.ceil(r.height) + 12 };
}

/** Runs in the page: the contrast of a control's focus outline against the card's background. */
export function ringContrast(selector: string): number {
  const root = document.querySelector('context-cards-host')!.shadowRoot!;
  const dialog = root.querySelector<HTMLElement>('[role="dialog"]')!;
  const control = root.querySelector(`[role="dialog"] ${selector}`)!;
  const rgb = (color: string) => {
    // Any CSS colour (system colours included) to sRGB, through a 1 × 1 canvas.
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
  };
  const luminance = ([r, g, b]: number[]) =>
    [r!, g!, b!]
      .map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const style = getComputedStyle(control);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
  const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(getComputedStyle(dialog).backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
