/**
 * The import template's example questions (its 示例 sheet), and telling them in a file: people
 * write their questions under the examples on that sheet and send it back, the 试题 sheet empty,
 * and the examples were imported as eight questions nobody wrote.
 */
import { ROW_HEADERS } from '@xuefa/core';

/**
 * One example question per type, as template rows (a case takes a row per sub-question). Like the
 * headers, the examples are part of the Chinese file format, not UI text.
 */
function exampleRows(): string[][] {
	const col = (h: string) => (ROW_HEADERS as readonly string[]).indexOf(h);
	const row = (cells: Record<string, string>) => {
		const out = ROW_HEADERS.map(() => '');
		for (const [h, v] of Object.entries(cells)) out[col(h)] = v;
		return out;
	};
	const law = { 法律: '行政处罚法', 知识点: '行政处罚' };
	return [
		row({
			...law,
			编号: 'XZCF-001',
			题型: '单选',
			题干: '当事人要求听证的，行政机关应当在举行听证的几日前通知当事人？',
			选项A: '三日',
			选项B: '五日',
			选项C: '七日',
			选项D: '十日',
			答案: 'C',
			解析: '见《行政处罚法》第六十四条。',
			难度: '2',
			条款: '第六十四条',
			标签: '听证、程序'
		}),
		row({
			...law,
			编号: 'XZCF-002',
			题型: '多选',
			题干: '下列属于行政处罚种类的有：',
			选项A: '警告',
			选项B: '罚款',
			选项C: '记过',
			选项D: '暂扣许可证件',
			答案: 'ABD',
			解析: '记过是政务处分，不是行政处罚。',
			难度: '3',
			条款: '第九条'
		}),
		row({
			...law,
			编号: 'XZCF-003',
			题型: '判断',
			题干: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚。',
			答案: '对',
			难度: '1',
			条款: '第三十三条'
		}),
		row({
			...law,
			编号: 'XZCF-004',
			题型: '填空',
			题干: '违法行为在___年内未被发现的，一般不再给予行政处罚。',
			答案: '二|两|2',
			难度: '2',
			条款: '第三十六条'
		}),
		row({
			...law,
			编号: 'XZCF-005',
			题型: '简答',
			题干: '简述设定和实施行政处罚应当遵循的原则。',
			答案: '公正、公开；以事实为依据，与违法行为的事实、性质、情节以及社会危害程度相当；处罚规定必须公布。',
			评分标准: '每答对一个要点得相应分数。',
			分值: '10',
			难度: '3',
			条款: '第五条'
		}),
		row({
			...law,
			编号: 'XZCF-006',
			题型: '案例分析',
			题干: '某区市场监管局拟对某企业作出较大数额罚款的决定，并告知其有权要求听证。',
			难度: '4',
			条款: '第六十三条、第六十四条'
		}),
		row({ 题型: '判断', 题干: '该企业有权要求听证。', 答案: '对', 所属案例: 'XZCF-006' }),
		row({
			题型: '简答',
			题干: '该企业要求听证的，应当在什么期限内提出？',
			答案: '在行政机关告知后五日内提出。',
			所属案例: 'XZCF-006',
			分值: '2'
		})
	];
}

/** The template's example rows, in {@link ROW_HEADERS} order. */
export const TEMPLATE_EXAMPLES: readonly (readonly string[])[] = exampleRows();

const col = (h: string) => (ROW_HEADERS as readonly string[]).indexOf(h);
const keyOf = (id: string, stem: string, parent: string) => `${id}\u0000${parent}\u0000${stem}`;
const EXAMPLE_KEYS = new Set(
	TEMPLATE_EXAMPLES.map((r) => keyOf(r[col('编号')]!, r[col('题干')]!, r[col('所属案例')]!))
);

/**
 * Whether a row is one of the template's examples as written there: its 编号 (or for a case's
 * sub-question its 所属案例) and its 题干 those of an example. A question of one's own that
 * starts from an example has a 编号 or a 题干 of its own, and is read.
 *
 * @param cell - the row's cell under a field of the row format
 */
export function isTemplateExample(cell: (field: string) => string): boolean {
	return EXAMPLE_KEYS.has(keyOf(cell('编号'), cell('题干'), cell('所属案例')));
}
