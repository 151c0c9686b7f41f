declare module 'virtual:dataset' {
  import type { CompiledDataset } from '../core/dataset';
  const dataset: CompiledDataset;
  export default dataset;
}

declare module '*.css' {
  /** esbuild's text loader: the stylesheet's source. */
  const css: string;
  export default css;
}
