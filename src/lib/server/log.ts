import { type DestinationStream, type Logger, pino } from 'pino';
import { readConfig } from './config.ts';

/**
 * A logger writing JSON lines (pino), one object per event, at `level` (`LOG_LEVEL`: fatal, error,
 * warn, info, debug, trace or silent; info by default). Tests pass their own destination.
 */
export function createLogger(
	level = readConfig().logLevel,
	destination?: DestinationStream
): Logger {
	const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
	return destination ? pino(options, destination) : pino(options);
}

/** The app's logger: request lines, unexpected errors with their stacks. */
export const log = createLogger();
