/**
 * The sentences of the promotion gate's codes (case and policy issues, decision reasons) and the
 * labels its data names, in Chinese and English (part of {@link CORE_MESSAGES}).
 */
import type { MessageTable } from '../message-table.ts';

/** zh-CN and en templates for `promotion.*` codes and labels. */
export const promotionMessages: MessageTable = {
	'zh-CN': {
		'promotion.case.date_invalid': '日期无效：{date}',
		'promotion.case.dates_out_of_order':
			'日期 {date} 早于前一环节的日期 {before}；提名、公示、公示期满须依次排列',
		'promotion.case.route_invalid': '任命方式无效：{route}',
		'promotion.case.route_body_mismatch':
			'任命机关为{bodyLabel}，任命方式应为{expectedRouteLabel}（人大及其常委会以外的机关任命的，须参加任前法律知识考试）',
		'promotion.route.congress': '人大任命',
		'promotion.route.government': '非人大任命',
		'promotion.claim.kind_invalid': '免考类别无效：{exemption}',
		'promotion.claim.document_missing': '请填写免考依据的文件名称',
		'promotion.claim.date_invalid': '免考材料的日期无效：{date}',
		'promotion.claim.recorder_missing': '请填写免考材料的登记人',
		'promotion.policy.count_from_unknown': '考试成绩起算点无效：{countFrom}',
		'promotion.policy.retakes_invalid': '补考次数须为不小于 0 的整数：{value}',
		'promotion.policy.void_effect_unknown': '作废答卷的处理方式无效：{effect}',
		'promotion.policy.bar_months_invalid': '禁考月数须为不小于 1 的整数：{value}',
		'promotion.policy.exemption_kind_invalid':
			'免考类别代码无效：{exemption}（只能用小写字母、数字和下划线）',
		'promotion.policy.exemption_duplicate': '免考类别重复：{exemptionLabel}',
		'promotion.appointment.date_invalid': '任命日期无效：{date}',
		'promotion.appointment.before_case_step': '任命日期 {date} 早于{countFromLabel}日期 {stepDate}',
		'promotion.appointment.before_pass':
			'任命日期 {date} 早于任前法律知识考试合格的日期 {takenOn}：须先考后提',
		'promotion.appointment.before_exemption':
			'任命日期 {date} 早于免考依据文件的日期 {documentDate}',
		'promotion.exam_not_required': '该职务无需参加任前法律知识考试',
		'promotion.passed': '已通过任前法律知识考试（{takenOn}，{score} 分，第 {attemptNo} 次）',
		'promotion.exempted':
			'免于任前法律知识考试：{exemptionLabel}（{document}，{documentDate}；{recordedBy} 于 {recordedOn} 登记）',
		'promotion.exemption_not_allowed': '本地规定不允许以“{exemptionLabel}”免考，须参加考试',
		'promotion.exemption_not_in_policy': '“{exemptionLabel}”不在本地规定的免考情形之列，不予认定',
		'promotion.exemption_document_after_today':
			'免考依据文件的日期 {documentDate} 晚于今天，不予认定',
		'promotion.count_from_missing': '尚未录入{countFromLabel}日期，考试成绩无法认定',
		'promotion.exam_required':
			'须在{countFromLabel}（{from}）后参加本次拟任的任前法律知识考试并合格',
		'promotion.result_pending': '{takenOn} 的考试尚待阅卷',
		'promotion.retake_available': '考试不合格 {fails} 次，还可补考 {remaining} 次',
		'promotion.retake_barred':
			'考试不合格 {fails} 次，还可补考 {remaining} 次，但 {until} 前不得补考',
		'promotion.attempts_exhausted': '考试不合格 {fails} 次（可补考 {maxRetakes} 次），不得任职',
		'promotion.case_barred': '{takenOn} 的答卷 {attemptId} 因违纪作废，本次拟任不得任职',
		'promotion.attempt_voided': '答卷 {attemptId} 因违纪作废，按不合格处理',
		'promotion.attempt_voided_bar': '答卷 {attemptId} 因违纪作废，按不合格处理，{until} 前不得补考',
		'promotion.pass_before_counting_ignored':
			'有 {count} 次合格成绩早于{countFromLabel}（{from}），不予认定',
		'promotion.pass_other_case_ignored': '有 {count} 次合格成绩属于其他拟任事项，不予认定',
		'promotion.pass_barred_ignored': '有 {count} 次合格成绩在禁考期内取得，不予认定',
		'promotion.pass_superseded_ignored':
			'有 {count} 次合格成绩按考试计分规则由同一场次的另一次作答取代，不予认定',
		'promotion.pass_beyond_limit_ignored': '有 {count} 次合格成绩超出允许的考试次数，不予认定',
		'promotion.pass_after_now_ignored': '有 {count} 次成绩的日期晚于今天，不予认定',
		'promotion.count_from.nomination': '提名',
		'promotion.count_from.public_notice': '公示',
		'promotion.count_from.public_notice_end': '公示期满',
		'promotion.exemption.legal_profession_qualification': '取得国家法律职业资格',
		'promotion.void_effect.counts_as_fail': '按不合格处理',
		'promotion.void_effect.bars_until': '按不合格处理，且一定月数内不得补考',
		'promotion.void_effect.bars_case': '本次拟任不得任职'
	},
	en: {
		'promotion.case.date_invalid': 'Invalid date: {date}',
		'promotion.case.dates_out_of_order':
			'Date {date} is before the previous step ({before}); nomination, public notice and its end must be in order',
		'promotion.case.route_invalid': 'Invalid appointment route: {route}',
		'promotion.case.route_body_mismatch':
			'The appointing body is the {bodyLabel}, so the route must be “{expectedRouteLabel}” (posts not filled by the people’s congress take the pre-appointment exam)',
		'promotion.route.congress': 'appointed by the people’s congress',
		'promotion.route.government': 'appointed by the government',
		'promotion.claim.kind_invalid': 'Invalid exemption kind: {exemption}',
		'promotion.claim.document_missing': 'Name the document that grounds the exemption',
		'promotion.claim.date_invalid': 'Invalid date in the exemption claim: {date}',
		'promotion.claim.recorder_missing': 'Say who recorded the exemption claim',
		'promotion.policy.count_from_unknown': 'Unknown point to count exams from: {countFrom}',
		'promotion.policy.retakes_invalid': 'Retakes must be a whole number, 0 or more: {value}',
		'promotion.policy.void_effect_unknown': 'Unknown effect of a voided attempt: {effect}',
		'promotion.policy.bar_months_invalid':
			'The bar must be a whole number of months, 1 or more: {value}',
		'promotion.policy.exemption_kind_invalid':
			'Invalid exemption kind code: {exemption} (lower-case letters, digits and underscores only)',
		'promotion.policy.exemption_duplicate': 'Exemption listed twice: {exemptionLabel}',
		'promotion.appointment.date_invalid': 'Invalid appointment date: {date}',
		'promotion.appointment.before_case_step':
			'The appointment date {date} is before the {countFromLabel} ({stepDate})',
		'promotion.appointment.before_pass':
			'The appointment date {date} is before the pre-appointment exam was passed ({takenOn}): the exam comes first',
		'promotion.appointment.before_exemption':
			'The appointment date {date} is before the exemption document ({documentDate})',
		'promotion.exam_not_required': 'No pre-appointment exam is required for this post',
		'promotion.passed':
			'Passed the pre-appointment exam ({takenOn}, score {score}, attempt {attemptNo})',
		'promotion.exempted':
			'Exempt from the pre-appointment exam: {exemptionLabel} ({document}, {documentDate}; recorded by {recordedBy} on {recordedOn})',
		'promotion.exemption_not_allowed':
			'The local rules do not allow the exemption “{exemptionLabel}”: the exam is required',
		'promotion.exemption_not_in_policy':
			'“{exemptionLabel}” is not an exemption the local rules list and does not count',
		'promotion.exemption_document_after_today':
			'The exemption document is dated {documentDate}, after today, and does not count',
		'promotion.count_from_missing':
			'The date of the {countFromLabel} is not recorded yet, so no exam can count',
		'promotion.exam_required':
			'A pass in a pre-appointment exam for this case, taken on or after the {countFromLabel} ({from}), is required',
		'promotion.result_pending': 'The exam of {takenOn} is still being graded',
		'promotion.retake_available': 'Failed attempts: {fails}; retakes left: {remaining}',
		'promotion.retake_barred':
			'Failed attempts: {fails}; retakes left: {remaining}, but none before {until}',
		'promotion.attempts_exhausted':
			'Failed attempts: {fails} (retakes allowed: {maxRetakes}): the appointment cannot proceed',
		'promotion.case_barred':
			'Attempt {attemptId} of {takenOn} was voided for misconduct: this case cannot reach appointment',
		'promotion.attempt_voided': 'Attempt {attemptId} was voided and counts as a fail',
		'promotion.attempt_voided_bar':
			'Attempt {attemptId} was voided and counts as a fail; no retake before {until}',
		'promotion.pass_before_counting_ignored':
			'Passes before the {countFromLabel} ({from}) do not count: {count}',
		'promotion.pass_other_case_ignored': 'Passes for another promotion case do not count: {count}',
		'promotion.pass_barred_ignored': 'Passes taken while barred do not count: {count}',
		'promotion.pass_superseded_ignored':
			"Passes outranked by another attempt of the same sitting under the exam's rules do not count: {count}",
		'promotion.pass_beyond_limit_ignored':
			'Passes beyond the allowed attempts do not count: {count}',
		'promotion.pass_after_now_ignored': 'Results dated after today do not count: {count}',
		'promotion.count_from.nomination': 'nomination',
		'promotion.count_from.public_notice': 'public notice',
		'promotion.count_from.public_notice_end': 'end of the public notice',
		'promotion.exemption.legal_profession_qualification':
			'holds the national legal professional qualification',
		'promotion.void_effect.counts_as_fail': 'counts as a fail',
		'promotion.void_effect.bars_until': 'counts as a fail, and no retake for a number of months',
		'promotion.void_effect.bars_case': 'bars the case from appointment'
	}
};
