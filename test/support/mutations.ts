/** The mutation records `change` makes anywhere under `root`, once the observer has them all. */
export async function mutationsOf(root: Node, change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}
