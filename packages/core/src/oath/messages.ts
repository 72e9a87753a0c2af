/**
 * The sentences of the oath rules' codes (ceremony issues, who must swear) and the labels of the
 * appointing bodies, in Chinese and English (part of {@link CORE_MESSAGES}).
 */
import type { MessageTable } from '../messages.ts';

/** zh-CN and en templates for `oath.*` codes and labels. */
export const oathMessages: MessageTable = {
	'zh-CN': {
		'oath.form.unknown': '宣誓形式无效：{form}',
		'oath.date.invalid': '宣誓日期无效：{date}',
		'oath.place.empty': '请填写宣誓地点',
		'oath.organiser.empty': '请填写组织单位',
		'oath.presider.missing': '请选择主持人',
		'oath.leader.missing': '集体宣誓须有领誓人',
		'oath.leader.not_participant': '领誓人也要宣誓，须在宣誓人之列',
		'oath.witness.missing': '尚未记录监誓人',
		'oath.flag_or_emblem.missing': '宣誓场所未悬挂国旗或者国徽',
		'oath.anthem.missing': '宣誓仪式未奏唱国歌',
		'oath.participants.empty': '请添加宣誓人',
		'oath.individual.several': '单独宣誓只能有一名宣誓人（现有 {count} 名）',
		'oath.text.unknown': '誓词版本无效：{version}',
		'oath.text.not_in_force': '{date} 施行的誓词为 {inForce} 年版本，记录使用的是 {version} 年版本',
		'oath.participant.duplicate': '同一任命重复宣誓：{appointmentId}',
		'oath.appointment.unknown': '找不到对应的任命记录',
		'oath.date.before_appointment': '宣誓日期 {date} 早于任命日期 {appointedOn}',
		'oath.evidence.missing': '尚未上传宣誓佐证材料',
		'oath.required': '任命机关为{bodyLabel}，须进行宪法宣誓',
		'oath.not_required': '任命机关为{bodyLabel}，按本地设定无须宪法宣誓',
		'oath.body_unknown': '任命机关“{body}”无法识别，按须宣誓处理',
		'oath.body.people_congress': '人民代表大会',
		'oath.body.standing_committee': '人大常委会',
		'oath.body.government': '人民政府',
		'oath.body.supervisory_commission': '监察委员会',
		'oath.body.court': '人民法院',
		'oath.body.procuratorate': '人民检察院',
		'oath.body.party_committee': '党委',
		'oath.body.other': '其他机关'
	},
	en: {
		'oath.form.unknown': 'Invalid oath form: {form}',
		'oath.date.invalid': 'Invalid oath date: {date}',
		'oath.place.empty': 'The place is missing',
		'oath.organiser.empty': 'The organiser is missing',
		'oath.presider.missing': 'The presider is missing',
		'oath.leader.missing': 'A collective oath needs a leader',
		'oath.leader.not_participant':
			'The leader swears too and must be among the people taking the oath',
		'oath.witness.missing': 'No witness recorded yet',
		'oath.flag_or_emblem.missing': 'The national flag or emblem was not displayed',
		'oath.anthem.missing': 'The national anthem was not played',
		'oath.participants.empty': 'Add the people taking the oath',
		'oath.individual.several': 'An individual oath has one person ({count} given)',
		'oath.text.unknown': 'Unknown oath text version: {version}',
		'oath.text.not_in_force': 'On {date} the {inForce} text was in force, not the {version} text',
		'oath.participant.duplicate': 'The same appointment appears twice: {appointmentId}',
		'oath.appointment.unknown': 'No matching appointment',
		'oath.date.before_appointment': 'Oath date {date} is before the appointment on {appointedOn}',
		'oath.evidence.missing': 'No evidence attached yet',
		'oath.required': 'Appointed by the {bodyLabel}: the constitutional oath is required',
		'oath.not_required': 'Appointed by the {bodyLabel}: no oath required under the local settings',
		'oath.body_unknown': 'Unknown appointing body “{body}”: the oath is treated as required',
		'oath.body.people_congress': "people's congress",
		'oath.body.standing_committee': "standing committee of the people's congress",
		'oath.body.government': "people's government",
		'oath.body.supervisory_commission': 'supervisory commission',
		'oath.body.court': "people's court",
		'oath.body.procuratorate': "people's procuratorate",
		'oath.body.party_committee': 'party committee',
		'oath.body.other': 'other body'
	}
};
