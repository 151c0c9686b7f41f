// The compiled dataset esbuild provides (build.mjs). The type is written inline: a relative
// `import type` is not allowed inside `declare module`, and skipLibCheck would hide that, leaving `any`.
declare module 'virtual:dataset' {
  const dataset: import('../core/dataset').CompiledDataset;
  export default dataset;
}

/** The part of it every frame's content script carries (build.mjs). */
declare module 'virtual:page-dataset' {
  const dataset: import('../core/dataset').PageDataset;
  export default dataset;
}

/** The part card.js carries (build.mjs). */
declare module 'virtual:card-dataset' {
  const dataset: import('../core/dataset').CardDataset;
  export default dataset;
}

declare module '*.css' {
  /** esbuild's text loader: the stylesheet's source. */
  const css: string;
  export default css;
}
