import { Component, createElement, type ComponentType, type FunctionComponent } from 'preact';

/**
 * `memo` as preact/compat has it, without preact/compat: importing compat installs its React
 * emulation on every page that loads it (about 2 KB gzip, the size budget). The component renders
 * again only when `same` says its props changed.
 */
export function memo<P extends object>(
  render: FunctionComponent<P>,
  same: (previous: P, next: P) => boolean,
): ComponentType<P> {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next);
    }
    override render() {
      return createElement(render, this.props);
    }
  };
}
