/**
 * aws-local-stepfunctions 3.0.0 declares Node ≥ 22 and calls Promise.withResolvers (ES2024, Node
 * 22+) for every Task; the project runs on Node ≥ 20.11. Where it is missing, this module adds the
 * standard function (same contract: a promise and its resolve/reject), and nothing else. Import
 * it before the interpreter runs a Task.
 */
interface PromiseWithResolversShim<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

const promiseConstructor = Promise as unknown as { withResolvers?: <T>() => PromiseWithResolversShim<T> };

if (typeof promiseConstructor.withResolvers !== 'function') {
  promiseConstructor.withResolvers = <T>(): PromiseWithResolversShim<T> => {
    let resolve!: PromiseWithResolversShim<T>['resolve'];
    let reject!: PromiseWithResolversShim<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
