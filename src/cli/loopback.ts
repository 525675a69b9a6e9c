/** Whether `--host` is a loopback address (then no token is needed: only this machine reaches it). */
export const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(host);
