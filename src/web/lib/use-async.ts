import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; error: unknown };

/** Runs an async function on demand, keeping only the latest call's answer. */
export function useAsyncAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): [AsyncState<T>, (...args: A) => Promise<void>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'idle' });
  const latest = useRef(0);
  const run = useCallback(
    async (...args: A) => {
      const call = ++latest.current;
      setState({ status: 'loading' });
      try {
        const value = await fn(...args);
        if (call === latest.current) setState({ status: 'done', value });
      } catch (error) {
        if (call === latest.current) setState({ status: 'error', error });
      }
    },
    [fn],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);
  return [state, run, reset];
}

/** Loads data when `deps` change. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fn().then(
      (value) => live && setState({ status: 'done', value }),
      (error) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return [state, () => setTick((t) => t + 1)];
}
