/**
 * Which figures each frame of each tab marks, for the toolbar badge: the number of distinct
 * figures over all frames of the tab, as the popup lists them.
 */
export class TabFigures {
  readonly #tabs = new Map<number, Map<number, readonly string[]>>();

  /** Records a frame's figures; returns the tab's new count of distinct figures. */
  set(tabId: number, frameId: number, figures: readonly string[]): number {
    let frames = this.#tabs.get(tabId);
    if (!frames) this.#tabs.set(tabId, (frames = new Map()));
    if (figures.length) frames.set(frameId, figures);
    else frames.delete(frameId);
    return this.count(tabId);
  }

  count(tabId: number): number {
    const distinct = new Set<string>();
    for (const figures of this.#tabs.get(tabId)?.values() ?? []) for (const id of figures) distinct.add(id);
    return distinct.size;
  }

  /** The tab loads a new page (its frames go with it) or closes. */
  forget(tabId: number): void {
    this.#tabs.delete(tabId);
  }

  tabs(): number[] {
    return [...this.#tabs.keys()];
  }
}
