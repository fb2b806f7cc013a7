/** Pages read this from `core/view/`; its home is `core/report/verdict.ts`. */
export * from '../report/verdict.ts';
