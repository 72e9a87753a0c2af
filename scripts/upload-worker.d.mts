export const WORKER_FILE: string;
export function bundleUploadWorker(outfile: string, root: string): Promise<string>;
