import React, { useEffect, useRef } from 'react';
import ReactDOM from 'react-dom';

/** Undoes what a `MountPoint` did to its element. */
export type UnmountCallback = () => void;

/**
 * A framework-neutral way to put content into an element the host owns (banners, toasts, flyouts, apps):
 * the callee renders into `element` and returns how to take it out again.
 */
export type MountPoint<T extends HTMLElement = HTMLElement> = (element: T) => UnmountCallback;

/** Wraps a React node as a `MountPoint`, for the APIs that take one. */
export function toMountPoint(node: React.ReactNode): MountPoint {
  return (element) => {
    ReactDOM.render(<>{node}</>, element);
    return () => {
      ReactDOM.unmountComponentAtNode(element);
    };
  };
}

/** Renders a `MountPoint` inside a React tree: mounts on first render, unmounts when removed or replaced. */
export const MountWrapper: React.FunctionComponent<{ mount: MountPoint; className?: string; 'data-test-subj'?: string }> = ({
  mount,
  className,
  ...rest
}) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const unmount = mount(element.current!);
    return () => unmount();
  }, [mount]);
  return <div className={className} ref={element} data-test-subj={rest['data-test-subj']} />;
};

/** Shows a string as text, or a `MountPoint` through `MountWrapper`. */
export function renderTextOrMount(content: string | MountPoint | undefined) {
  if (content === undefined) return undefined;
  return typeof content === 'function' ? <MountWrapper mount={content} /> : content;
}
