export const WORKERS: { upload: string; oversight: string };
export function workerFile(name: keyof typeof WORKERS): string;
export function bundleWorker(
	name: keyof typeof WORKERS,
	outfile: string,
	root: string
): Promise<string>;
