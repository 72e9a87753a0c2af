/**
 * CPU work on the request thread in slices: a loop over thousands of rows (checking or building an
 * import's questions) calls `pause()` after each row, which gives the event loop a turn
 * (setImmediate: other requests' I/O runs first) once the slice has run for `sliceMs`. Counting
 * rows instead (every 200th) makes the slice as long as the rows are heavy: 200 long questions
 * held the loop for over 100 ms on a loaded machine.
 */
export function timeSlices(sliceMs = 10, clock: () => number = () => performance.now()) {
	let started = clock();
	return async function pause(): Promise<void> {
		if (clock() - started < sliceMs) return;
		await new Promise<void>((resolve) => setImmediate(resolve));
		started = clock();
	};
}
