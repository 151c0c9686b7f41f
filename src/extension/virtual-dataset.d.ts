declare module 'virtual:dataset' {
  import type { CompiledDataset } from '../core/dataset';
  const dataset: CompiledDataset;
  export default dataset;
}
