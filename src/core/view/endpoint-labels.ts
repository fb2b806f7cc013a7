/** Pages read this from `core/view/`; its home is `core/profile/endpoint-labels.ts`. */
export * from '../profile/endpoint-labels.ts';
