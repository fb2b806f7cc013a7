/** Pages read this from `core/view/`; its home is `core/report/headline.ts`. */
export * from '../report/headline.ts';
