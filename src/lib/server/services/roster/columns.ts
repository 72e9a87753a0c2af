import {
	APPOINTMENT_ROUTES,
	PERSON_STATUSES,
	RANKS,
	ROLES,
	type Role
} from '$lib/schemas/enums.ts';

/** The roster file's columns, in template order. */
export const COLUMNS = [
	'unit',
	'name',
	'employeeNo',
	'position',
	'rank',
	'appointmentRoute',
	'status',
	'roles'
] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * The file format, a contract with spreadsheets already in circulation: Chinese headers and value
 * labels are fixed here rather than taken from the UI catalogue, so that rewording a label on screen
 * never breaks an old file. The English names are accepted as aliases.
 */
export const HEADERS: Record<Column, { zh: string; en: string }> = {
	unit: { zh: '单位', en: 'unit' },
	name: { zh: '姓名', en: 'name' },
	employeeNo: { zh: '工号', en: 'employee_no' },
	position: { zh: '职务', en: 'position' },
	rank: { zh: '职级', en: 'rank' },
	appointmentRoute: { zh: '任命方式', en: 'appointment_route' },
	status: { zh: '状态', en: 'status' },
	roles: { zh: '角色', en: 'roles' }
};

/**
 * Other headers HR systems give a column: a yes/no column 是否人大任命 holds the appointment route
 * (是 for 人大任命, 否 for the others: see ROUTE_ALIASES).
 */
const HEADER_ALIASES: Readonly<Record<string, Column>> = { 是否人大任命: 'appointmentRoute' };

/** Columns without which no row can be read; the others, when absent, leave stored values alone. */
export const REQUIRED_COLUMNS: readonly Column[] = [
	'unit',
	'name',
	'employeeNo',
	'rank',
	'appointmentRoute'
];

export const RANK_LABELS: Record<(typeof RANKS)[number], string> = {
	clerk: '办事员',
	staff: '科员',
	deputy_section: '副科级',
	section: '正科级',
	deputy_division: '副处级',
	division: '正处级',
	deputy_bureau: '副厅级',
	bureau: '正厅级'
};
export const ROUTE_LABELS: Record<(typeof APPOINTMENT_ROUTES)[number], string> = {
	congress: '人大任命',
	government: '非人大任命'
};

/**
 * Other spellings of a rank that HR systems export, read as the label: the rank without 级
 * (`正科`, `副处`), and 局级 for 厅级 (a city's bureaus are of the same grade: `正局级`, `副局`).
 * Written back, the file always says the label.
 */
export const RANK_ALIASES: Readonly<Record<string, (typeof RANKS)[number]>> = {
	副科: 'deputy_section',
	正科: 'section',
	副处: 'deputy_division',
	正处: 'division',
	副厅: 'deputy_bureau',
	正厅: 'bureau',
	副局级: 'deputy_bureau',
	正局级: 'bureau',
	副局: 'deputy_bureau',
	正局: 'bureau'
};

/**
 * Other spellings of the appointment route: `人大`/`非人大`, and the 是/否 of a column that asks
 * whether the post is one the people's congress appoints (是否人大任命).
 */
export const ROUTE_ALIASES: Readonly<Record<string, (typeof APPOINTMENT_ROUTES)[number]>> = {
	人大: 'congress',
	是: 'congress',
	非人大: 'government',
	否: 'government'
};
export const STATUS_LABELS: Record<(typeof PERSON_STATUSES)[number], string> = {
	active: '在职',
	inactive: '停用'
};
export const ROLE_LABELS: Record<Role, string> = {
	cadre: '学员',
	organiser: '组织者',
	hr: '组织人事',
	grader: '阅卷人',
	admin: '管理员'
};

/** Separators people use between roles in one cell: commas, 顿号, semicolons (half or full width). */
export const ROLE_SEPARATOR = /[,，、;；]+/;

/**
 * Which column a header names, by its Chinese header or English alias (any case, spaces ignored),
 * also marked as required or with a note, as templates and clerks mark them: `*姓名`, `工号*`,
 * `单位（必填）`, `职级(必填)`, `状态【在职/停用】`. Such a roster was refused as missing the very
 * columns it had.
 */
export function columnOf(header: string): Column | undefined {
	const h = header
		.replace(/\s+/g, '')
		.replace(/^[*＊]+|[*＊]+$/g, '')
		.replace(/(?:[(（][^()（）]*[)）]|【[^【】]*】)$/, '')
		.replace(/^[*＊]+|[*＊]+$/g, '')
		.toLowerCase();
	return (
		COLUMNS.find((c) => HEADERS[c].zh === h || HEADERS[c].en === h) ??
		(Object.hasOwn(HEADER_ALIASES, h) ? HEADER_ALIASES[h] : undefined)
	);
}

/**
 * The code for a label, a code or one of the label's other spellings (`科员`, `staff`, `正科`);
 * undefined when it is none of them. Spaces inside are ignored (`正 科 级`, as cells are padded).
 */
export function codeOf<C extends string>(
	labels: Record<C, string>,
	value: string,
	aliases: Readonly<Record<string, C>> = {}
): C | undefined {
	const v = value.replace(/[\s\u3000]+/g, '');
	const codes = Object.keys(labels) as C[];
	return (
		codes.find((c) => labels[c] === v || c === v.toLowerCase()) ??
		(Object.hasOwn(aliases, v) ? aliases[v] : undefined)
	);
}

export const listOf = (labels: Record<string, string>) => Object.values(labels);

/** Roles as the file writes them: 学员 first, then in the order of ROLES. */
export function formatRoles(roles: Iterable<Role>): string {
	const held = new Set(roles);
	return ROLES.filter((r) => held.has(r))
		.map((r) => ROLE_LABELS[r])
		.join('、');
}

/**
 * The unit path separator; the full-width slash is accepted too. The parts are trimmed after the
 * split: `\s*[/／]\s*` would scan a run of spaces from each of its spaces, quadratic in its length.
 */
export const PATH_SEPARATOR = /[/／]/;
