/**
 * The sentences of every code of the question bank, papers, grading, formats and practice (part of
 * the one table, {@link CORE_MESSAGES}).
 */
import type { MessageTable } from '../message-table.ts';

/**
 * Why a cell Excel shows in scientific notation is refused, and how to fix it: said of a question
 * file's row and column (`format.row.scientific`) and, where a table shows the row and column
 * beside it, of the cell alone (`format.cell.scientific`, the roster's).
 */
const SCIENTIFIC_ZH =
	"“{value}”是 Excel 把一长串数字显示成的科学计数法，原来的数字已经丢失，不能导入；请在 Excel 中把这一列的单元格格式设为“文本”，重新输入这些数字（或在数字前加英文单引号'），保存后再导入";
const SCIENTIFIC_EN =
	"“{value}” is how Excel shows a long number, in scientific notation, and the number’s own digits are lost, so it cannot be imported. In Excel, format the column’s cells as Text, type the numbers again (or begin each with an apostrophe '), save and import again";

/**
 * Why a long number Excel rounded to its 15 digits, shown in full in a cell of a number format, is
 * refused, and how to fix it (`format.row.rounded`, `format.cell.rounded`).
 */
const ROUNDED_ZH =
	"“{value}”超过了 Excel 能保存的 15 位数字，第 15 位以后的数字在输入时已被 Excel 改成了 0，原来的数字已经丢失（如身份证号、长编号），不能导入；请在 Excel 中把这一列的单元格格式设为“文本”，重新输入这些数字（或在数字前加英文单引号'），保存后再导入";
const ROUNDED_EN =
	"“{value}” has more digits than the 15 Excel keeps: Excel turned those past the fifteenth into 0 as the number was typed, and the number’s own digits (an ID number, a long code) are lost, so it cannot be imported. In Excel, format the column’s cells as Text, type the numbers again (or begin each with an apostrophe '), save and import again";

/** zh-CN and en templates of the exam codes. Placeholders come from the data. */
export const examMessages: MessageTable = {
	'zh-CN': {
		'type.single': '单选',
		'type.multiple': '多选',
		'type.truefalse': '判断',
		'type.fill': '填空',
		'type.essay': '简答',
		'type.case': '案例分析',
		'band.excellent': '优秀',
		'band.good': '良好',
		'band.pass': '合格',
		'band.fail': '不合格',
		'question.id.empty': '试题缺少编号',
		'question.version.invalid': '版本号必须是正整数（当前：{value}）',
		'question.difficulty.range': '难度必须是1到5的整数（当前：{value}）',
		'question.points.invalid': '分值必须大于0（当前：{value}）',
		'question.law.empty': '法律名称不能为空',
		'question.law.article': '条款号必须是正整数（当前：{value}）',
		'question.type.unknown': '未知题型：{value}',
		'question.stem.empty': '题干不能为空',
		'question.options.too_few': '至少需要{min}个选项（当前{count}个）',
		'question.option.duplicate_id': '选项编号重复或为空：{id}',
		'question.option.empty': '第{option}个选项内容为空',
		'question.option.duplicate': '第{option}个选项与第{same}个选项相同',
		'question.single.correct_count': '单选题必须恰好有1个正确选项（当前{count}个）',
		'question.multiple.no_correct': '多选题至少需要1个正确选项',
		'question.fill.no_blanks': '填空题至少需要1个空',
		'question.fill.blank_empty': '第{blank}个空没有答案',
		'question.fill.blank_count': '题干中有{markers}处空格标记（___），答案却有{blanks}个空',
		'question.case.no_parts': '案例分析题至少需要1道小题',
		'question.case.too_many_parts': '案例分析题有{count}道小题，最多{max}道',
		'question.case.nested': '案例分析题的小题不能再是案例分析题',
		'question.case.part_weight': '小题权重必须大于0（当前：{value}）',
		'question.markdown.too_long': '内容过长：{length}个字符，最多{max}个',
		'question.markdown.too_deep': '嵌套过深：列表、引用或强调最多嵌套{max}层',
		'blueprint.empty': '组卷策略至少需要1个部分',
		'blueprint.section.type': '第{section}部分的题型无效：{value}',
		'blueprint.section.count': '第{section}部分的题量必须是正整数（当前：{value}）',
		'blueprint.section.points': '第{section}部分的每题分值必须大于0（当前：{value}）',
		'blueprint.section.difficulty': '第{section}部分的难度范围无效',
		'blueprint.section.mix': '第{section}部分的难度分布合计{sum}道，与题量{count}道不符',
		'blueprint.section.fixed_count': '第{section}部分指定了{fixed}道固定题，超过题量{count}道',
		'blueprint.fixed.duplicate': '试题{questionId}被多次指定为固定题',
		'paper.fixed.missing': '第{section}部分的固定题{questionId}不在题库中',
		'paper.fixed.type': '第{section}部分的固定题{questionId}是{actualLabel}题，不是{typeLabel}题',
		'paper.section.short': '第{section}部分需要{need}道{scope}{typeLabel}题，题库只有{have}道',
		'paper.section.short_level':
			'第{section}部分需要{need}道难度为{level}的{scope}{typeLabel}题，题库只有{have}道',
		'paper.section.short_overlap':
			'第{section}部分需要{need}道{scope}{typeLabel}题，题库有{have}道，但其中{taken}道已被其他部分占用，还缺{missing}道',
		'paper.assembly.overlap': '第{section}部分与其他部分争用同一批试题，无法组卷',
		'grading.manual.out_of_range': '评分{score}超出范围（0–{points}分）',
		'attempt.illegal_transition': '答卷不能从“{fromLabel}”变为“{toLabel}”',
		'attempt.window_not_open': '考试尚未开始',
		'attempt.window_closed': '考试已结束',
		'attempt.not_in_progress': '答卷不在作答中（当前：{stateLabel}）',
		'attempt.deadline_passed': '作答时间已到',
		'attempt.limit_reached': '已用完{max}次考试机会',
		'attempt.open_exists': '第{number}次答卷尚未结束',
		'attempt.already_passed': '第{number}次考试已合格，无需补考',
		'attempt.result_pending': '第{number}次考试尚在阅卷，成绩公布后才能确定能否补考',
		'state.not_started': '未开始',
		'state.in_progress': '作答中',
		'state.submitted': '已交卷',
		'state.needs_grading': '待阅卷',
		'state.graded': '已评分',
		'state.voided': '已作废',
		'format.row.header_missing': '缺少必需的列“{column}”',
		'format.row.type': '第{line}行：无法识别的题型“{value}”',
		'format.row.answer': '第{line}行“{column}”列：无法识别的答案“{value}”',
		'format.row.answer_empty': '第{line}行“{column}”列：没有填写答案',
		'format.row.difficulty':
			'第{line}行“{column}”列：无法识别的难度“{value}”；请写 1–5 的整数（5 最难）、易/较易/中/较难/难，或 0–1 的难度系数（如 0.35 或 35%，越大越容易）',
		'format.row.answer_choice':
			'第{line}行“{column}”列：无法识别的答案“{value}”；请写选项的字母（如 B 或 ABD），或某个选项的文字',
		'format.row.answer_one':
			'第{line}行“{column}”列：单选题只能有一个答案，却写了“{value}”；有多个正确选项的题请把题型写成多选题',
		'format.row.answer_truefalse':
			'第{line}行“{column}”列：无法识别判断题的答案“{value}”；请写“对”或“错”（也可写 正确/错误、√/×、T/F、是/否）',
		'format.row.answer_option': '第{line}行“{column}”列：答案{value}对应的选项为空',
		'format.row.fill_brackets':
			'第{line}行“{column}”列：题干有 {brackets} 处空括号，答案却有 {blanks} 个空；请让两者一致，或把空写成 ___',
		'format.row.fill_alternatives':
			'第{line}行“{column}”列：题干有 {markers} 个空，答案“{value}”却用分号分成了 {blanks} 个空；同一个空的几种正确写法请用“|”分隔（如 七|7），分号只用来分隔不同的空',
		'format.row.number': '第{line}行“{column}”列：“{value}”不是有效的数字',
		'format.row.article': '第{line}行“{column}”列：无法识别的条款“{value}”',
		'format.row.parent': '第{line}行：找不到所属案例“{value}”',
		'format.row.picture':
			'第{line}行“{column}”列：单元格里是图片（放置在单元格内的图片，如WPS的DISPIMG），试题不能显示图片，无法导入；请改用文字',
		'format.row.scientific': `第{line}行“{column}”列：${SCIENTIFIC_ZH}`,
		'format.cell.scientific': SCIENTIFIC_ZH,
		'format.row.rounded': `第{line}行“{column}”列：${ROUNDED_ZH}`,
		'format.cell.rounded': ROUNDED_ZH,
		'format.row.duplicate_id': '第{line}行：编号“{value}”重复',
		'format.row.too_many_options': '第{line}行“{column}”列：有{count}个选项，最多{max}个',
		'format.row.case_no_parts':
			'第{line}行：案例分析题没有小题。小题各占一行，“所属案例”列填写本题的编号；只有一问、由人工评分的案例题请将题型写作“简答”',
		'format.row.question': '第{line}行“{column}”列：{detail}',
		'format.gift.unclosed_brace': '第{line}行：答案块缺少右花括号“}”',
		'format.gift.no_answer_marker': '第{line}行：答案块中的每个答案须以“=”或“~”开头',
		'format.gift.bad_weight': '第{line}行：无法识别的权重“{value}”',
		'format.gift.unsupported': '第{line}行：不支持的GIFT题型（{kindLabel}），该题未导入',
		'gift.kind.matching': '匹配题',
		'gift.kind.numeric': '数值题',
		'gift.kind.description': '无答案的说明文字',
		'format.gift.question': '第{line}行：{detail}',
		'format.aiken.bad_answer': '第{line}行：答案“{value}”不是已列出的选项',
		'format.aiken.option_order': '第{line}行：选项应为{expected}，而不是{value}',
		'format.aiken.option_form':
			'第{line}行：选项{value}的写法与本题其他选项不同（字母后应有“.”“、”或“)”，与其他选项一致）',
		'format.aiken.no_answer': '第{line}行开始的试题缺少“ANSWER:”（或“答案：”）行',
		'format.aiken.no_options':
			'第{line}行：“ANSWER:”之前没有选项（选项行须以“A.”“A)”或“A、”开头，字母大写）',
		'format.aiken.question': '第{line}行：{detail}',
		'format.gift.second_block':
			'第{line}行：上一道题的答案块之后又出现了答案块或题目名称，两道题之间须空一行；该题未导入',
		'format.too_many_questions': '第{line}行起的试题超过{max}道，文件未读完；请分成几个文件导入',
		'format.gift.duplicate_id': '第{line}行：题目名称（编号）“{id}”已在第{first}行用过，该题未导入',
		'format.gift.too_many_answers': '第{line}行：答案过多（{count}个，选择题最多{max}个选项）',
		'format.gift.partial_single':
			'第{line}行：单选题的选项“{value}”得{percent}%的分，本系统的单选题只有一个全对选项，无法按原样评分；该题未导入',
		'format.gift.several_right':
			'第{line}行：有{count}个得满分的“=”选项（Moodle中选任一即满分），本系统无法按原样评分；多选题请写成 ~%50%甲 ~%50%乙 ~%-100%丙',
		'format.gift.uneven_weights':
			'第{line}行：多选题各正确选项的得分比例（{weights}）须相等且合计100%，否则无法按原样评分；该题未导入',
		'format.gift.wildcard':
			'第{line}行：答案“{value}”含通配符*，本系统按原文比对答案，无法按原样评分；该题未导入',
		'format.gift.no_full_answer': '第{line}行：没有得满分的答案；该题未导入',
		'format.gift.full_width_marker':
			'第{line}行：答案以全角“{value}”标记，GIFT只认半角的“=”和“~”（请切换到英文输入法）；该题未导入',
		'format.gift.media':
			'第{line}行：题目含图片或音视频（<{tag}>），GIFT文件不带这些文件，本系统的试题也不显示；该题未导入，请改用文字描述',
		'format.aiken.not_started': '第{line}行：试题尚未开始（选项或答案行之前没有题干）',
		'question.fill.partial':
			'第{blank}个空的部分得分答案“{value}”须有内容，得分须在0到100%之间（当前{percent}%）',
		'format.export.unsupported': '试题{questionId}（{typeLabel}）无法导出为{format}格式',
		'format.export.gift.case': '试题{questionId}（{typeLabel}）：GIFT格式没有案例分析题',
		'format.export.gift.blanks':
			'试题{questionId}（{typeLabel}）有 {blanks} 个空：GIFT格式的填空题只能有一个空',
		'format.export.aiken.type': '试题{questionId}（{typeLabel}）：Aiken格式只能容纳单选题',
		'format.export.aiken.truefalse':
			'试题{questionId}（{typeLabel}）：Aiken格式没有判断题，写成“对、错”两个选项再导入会成为单选题',
		'format.export.aiken.option':
			'试题{questionId}（{typeLabel}）：有选项为空、含换行或首尾有空格，Aiken格式的选项只能是一行文字',
		'format.export.aiken.stem':
			'试题{questionId}（{typeLabel}）：题干有空行，或有一行像选项或答案行（如“A.”“答案：”），Aiken格式导入时会读错',
		'format.export.aiken.numbered':
			'试题{questionId}（{typeLabel}）：题干以题号样的文字开头（如“1.”），Aiken格式导入时会当作题号去掉',
		'format.export.markdown_in_cells':
			'试题{questionId}（{typeLabel}）含格式（加粗、列表等），表格中按标记原样写出；再次导入时这些标记按文字显示',
		'practice.time.invalid': '用时必须是非负数（当前：{value}）'
	},
	en: {
		'type.single': 'single-choice',
		'type.multiple': 'multiple-choice',
		'type.truefalse': 'true/false',
		'type.fill': 'fill-in',
		'type.essay': 'short-answer',
		'type.case': 'case-analysis',
		'band.excellent': 'Excellent',
		'band.good': 'Good',
		'band.pass': 'Pass',
		'band.fail': 'Fail',
		'question.id.empty': 'The question has no id',
		'question.version.invalid': 'The version must be a positive integer (got {value})',
		'question.difficulty.range': 'Difficulty must be an integer from 1 to 5 (got {value})',
		'question.points.invalid': 'Points must be greater than 0 (got {value})',
		'question.law.empty': 'The law name is empty',
		'question.law.article': 'The article number must be a positive integer (got {value})',
		'question.type.unknown': 'Unknown question type: {value}',
		'question.stem.empty': 'The stem is empty',
		'question.options.too_few': 'At least {min} options are needed ({count} given)',
		'question.option.duplicate_id': 'Duplicate or empty option id: {id}',
		'question.option.empty': 'Option {option} is empty',
		'question.option.duplicate': 'Option {option} is the same as option {same}',
		'question.single.correct_count':
			'A single-choice question needs exactly 1 correct option ({count} marked)',
		'question.multiple.no_correct': 'A multiple-choice question needs at least 1 correct option',
		'question.fill.no_blanks': 'A fill-in question needs at least 1 blank',
		'question.fill.blank_empty': 'Blank {blank} has no answer',
		'question.fill.blank_count':
			'The stem has {markers} blank markers (___) but {blanks} blanks have answers',
		'question.case.no_parts': 'A case-analysis question needs at least 1 sub-question',
		'question.case.too_many_parts':
			'A case-analysis question has {count} sub-questions, at most {max}',
		'question.case.nested': 'A case sub-question cannot itself be a case',
		'question.case.part_weight': 'A sub-question weight must be greater than 0 (got {value})',
		'question.markdown.too_long': 'Too long: {length} characters, at most {max}',
		'question.markdown.too_deep':
			'Nested too deeply: lists, quotes or emphasis at most {max} levels',
		'blueprint.empty': 'The blueprint needs at least one section',
		'blueprint.section.type': 'Section {section} has an invalid type: {value}',
		'blueprint.section.count':
			'Section {section}: the count must be a positive integer (got {value})',
		'blueprint.section.points':
			'Section {section}: points per question must be greater than 0 (got {value})',
		'blueprint.section.difficulty': 'Section {section} has an invalid difficulty range',
		'blueprint.section.mix': 'Section {section}: the difficulty mix adds up to {sum}, not {count}',
		'blueprint.section.fixed_count':
			'Section {section} fixes {fixed} questions, more than its count {count}',
		'blueprint.fixed.duplicate': 'Question {questionId} is fixed more than once',
		'paper.fixed.missing': 'Section {section}: fixed question {questionId} is not in the bank',
		'paper.fixed.type':
			'Section {section}: fixed question {questionId} is {actualLabel}, not {typeLabel}',
		'paper.section.short':
			'Section {section} needs {need} {typeLabel} questions{scope}; the bank has {have}',
		'paper.section.short_level':
			'Section {section} needs {need} {typeLabel} questions{scope} of difficulty {level}; the bank has {have}',
		'paper.section.short_overlap':
			'Section {section} needs {need} {typeLabel} questions{scope}; {have} match but {taken} are needed by other sections, {missing} short',
		'paper.assembly.overlap':
			'Section {section} competes with other sections for the same questions',
		'grading.manual.out_of_range': 'Score {score} is out of range (0–{points})',
		'attempt.illegal_transition': 'An attempt cannot go from “{fromLabel}” to “{toLabel}”',
		'attempt.window_not_open': 'The sitting has not opened yet',
		'attempt.window_closed': 'The sitting has closed',
		'attempt.not_in_progress': 'The attempt is not in progress ({stateLabel})',
		'attempt.deadline_passed': 'Time is up',
		'attempt.limit_reached': 'All {max} attempts have been used',
		'attempt.open_exists': 'Attempt {number} is still open',
		'attempt.already_passed': 'Attempt {number} already passed; no retake needed',
		'attempt.result_pending':
			'Attempt {number} is still being marked: whether a retake is allowed depends on its result',
		'state.not_started': 'not started',
		'state.in_progress': 'in progress',
		'state.submitted': 'submitted',
		'state.needs_grading': 'needs grading',
		'state.graded': 'graded',
		'state.voided': 'voided',
		'format.row.header_missing': 'Required column “{column}” is missing',
		'format.row.type': 'Row {line}: unknown question type “{value}”',
		'format.row.answer': 'Row {line}, column “{column}”: cannot read the answer “{value}”',
		'format.row.answer_empty': 'Row {line}, column “{column}”: the answer is missing',
		'format.row.difficulty':
			'Row {line}, column “{column}”: cannot read the difficulty “{value}”; write a whole number from 1 to 5 (5 the hardest), 易/较易/中/较难/难 (easy … hard), or a difficulty coefficient from 0 to 1 (0.35 or 35%, say; the higher, the easier)',
		'format.row.answer_choice':
			'Row {line}, column “{column}”: cannot read the answer “{value}”; write the letters of the options (B or ABD, say) or one option’s text',
		'format.row.answer_one':
			'Row {line}, column “{column}”: a single-choice question has one answer, not “{value}”; make a question with several right options 多选题 (multiple choice)',
		'format.row.answer_truefalse':
			'Row {line}, column “{column}”: cannot read the true/false answer “{value}”; write 对 (true) or 错 (false) (or 正确/错误, √/×, T/F, 是/否)',
		'format.row.answer_option':
			'Row {line}, column “{column}”: answer {value} points to an empty option',
		'format.row.fill_brackets':
			'Row {line}, column “{column}”: the stem has {brackets} empty brackets but the answer {blanks} blanks; make them agree, or mark the blanks ___',
		'format.row.fill_alternatives':
			'Row {line}, column “{column}”: the stem has {markers} blanks but the answer “{value}” is split by semicolons into {blanks}; write the accepted answers of one blank separated by | (七|7, say): semicolons separate blanks',
		'format.row.number': 'Row {line}, column “{column}”: “{value}” is not a valid number',
		'format.row.article': 'Row {line}, column “{column}”: cannot read the article “{value}”',
		'format.row.parent': 'Row {line}: case “{value}” not found',
		'format.row.picture':
			'Row {line}, column “{column}”: the cell holds a picture (placed in the cell, as WPS’s DISPIMG or Excel’s picture in cell), which a question cannot show; use text instead',
		'format.row.scientific': `Row {line}, column “{column}”: ${SCIENTIFIC_EN}`,
		'format.cell.scientific': SCIENTIFIC_EN,
		'format.row.rounded': `Row {line}, column “{column}”: ${ROUNDED_EN}`,
		'format.cell.rounded': ROUNDED_EN,
		'format.row.duplicate_id': 'Row {line}: id “{value}” is used twice',
		'format.row.too_many_options':
			'Row {line}, column “{column}”: {count} options, at most {max} are allowed',
		'format.row.case_no_parts':
			'Row {line}: the case analysis has no sub-questions. Each sub-question is a row whose “所属案例” holds this question’s 编号; a case with one question graded by hand can be imported with the type “简答”',
		'format.row.question': 'Row {line}, column “{column}”: {detail}',
		'format.gift.unclosed_brace': 'Line {line}: the answer block has no closing “}”',
		'format.gift.no_answer_marker':
			'Line {line}: every answer in the block must start with “=” or “~”',
		'format.gift.bad_weight': 'Line {line}: cannot read the weight “{value}”',
		'format.gift.unsupported':
			'Line {line}: unsupported GIFT question type ({kindLabel}); not imported',
		'gift.kind.matching': 'matching',
		'gift.kind.numeric': 'numeric',
		'gift.kind.description': 'description without an answer',
		'format.gift.question': 'Line {line}: {detail}',
		'format.aiken.bad_answer': 'Line {line}: answer “{value}” is not one of the listed options',
		'format.aiken.option_order': 'Line {line}: expected option {expected}, found {value}',
		'format.aiken.option_form':
			'Line {line}: option {value} is written unlike the question’s other options (put “.”, “、” or “)” after the letter, as they do)',
		'format.aiken.no_answer':
			'Line {line}: the question starting here has no “ANSWER:” (or “答案：”) line',
		'format.aiken.no_options':
			'Line {line}: no options before “ANSWER:” (option lines start with a capital letter and “A.”, “A)” or “A、”)',
		'format.aiken.question': 'Line {line}: {detail}',
		'format.gift.second_block':
			'Line {line}: another answer block or title follows the answer block: put a blank line between two questions; not imported',
		'format.too_many_questions':
			'From line {line} on the file holds more than {max} questions and was not read further; import it in several files',
		'format.gift.duplicate_id':
			'Line {line}: the title (id) “{id}” is already used on line {first}; this question is left out',
		'format.gift.too_many_answers':
			'Line {line}: too many answers ({count}; a choice question has at most {max} options)',
		'format.gift.partial_single':
			'Line {line}: option “{value}” earns {percent}% in a single-answer question; here a single choice has one fully right option, so it cannot be marked as written; not imported',
		'format.gift.several_right':
			'Line {line}: {count} options marked “=” are each fully right (any one scores in Moodle), which cannot be marked as written here; write a multiple-answer question as ~%50%a ~%50%b ~%-100%c',
		'format.gift.uneven_weights':
			'Line {line}: the right options of a multiple-answer question must share 100% equally (found {weights}) to be marked as written; not imported',
		'format.gift.wildcard':
			'Line {line}: the answer “{value}” has a * wildcard; answers are compared as written here, so it cannot be marked as intended; not imported',
		'format.gift.no_full_answer': 'Line {line}: no answer earns full marks; not imported',
		'format.gift.full_width_marker':
			'Line {line}: an answer is marked with a full-width “{value}”; GIFT reads only “=” and “~” (switch the input method to English); not imported',
		'format.gift.media':
			'Line {line}: the question holds a picture or recording (<{tag}>), which a GIFT file does not carry and a question does not show; not imported: describe it in words',
		'format.aiken.not_started':
			'Line {line}: the question has not started (an option or answer line comes before any question text)',
		'question.fill.partial':
			'Blank {blank}: the part-credit answer “{value}” must have text and earn between 0 and 100% (found {percent}%)',
		'format.export.unsupported':
			'Question {questionId} ({typeLabel}) cannot be exported to {format}',
		'format.export.gift.case':
			'Question {questionId} ({typeLabel}): GIFT has no case-analysis questions',
		'format.export.gift.blanks':
			'Question {questionId} ({typeLabel}) has {blanks} blanks: a GIFT fill-in has only one',
		'format.export.aiken.type':
			'Question {questionId} ({typeLabel}): Aiken holds only single-choice questions',
		'format.export.aiken.truefalse':
			'Question {questionId} ({typeLabel}): Aiken has no true/false questions; written as two options 对 and 错 it would import back as single choice',
		'format.export.aiken.option':
			'Question {questionId} ({typeLabel}): an option is empty, spans several lines or has spaces at its ends; an Aiken option is one line of text',
		'format.export.aiken.stem':
			'Question {questionId} ({typeLabel}): the stem has a blank line, or a line that reads as an option or answer line (“A.”, “ANSWER:”), which an Aiken import would misread',
		'format.export.aiken.numbered':
			'Question {questionId} ({typeLabel}): the stem begins like a question number (“1.”), which an Aiken import would take off',
		'format.export.markdown_in_cells':
			'Question {questionId} ({typeLabel}) has formatting (bold, lists …), written in the sheet with its marks; imported again, the marks show as text',
		'practice.time.invalid': 'Time taken must be a non-negative number (got {value})'
	}
};
