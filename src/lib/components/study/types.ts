/** A session as lists and calendars show it (services/study/calendar.ts: calendarColumns). */
export interface SessionItem {
	id: number;
	date: string;
	startTime: string;
	durationMinutes: number;
	topic: string;
	form: string;
	location: string;
	status: string;
	note: string;
	teamName: string;
	unitName: string;
	/** Coming, in a year whose holiday arrangements are not entered yet: the date may move. */
	provisional?: boolean;
}
