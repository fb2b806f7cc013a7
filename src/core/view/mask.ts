/** Pages read this from `core/view/`; its home is `core/report/mask.ts`. */
export * from '../report/mask.ts';
