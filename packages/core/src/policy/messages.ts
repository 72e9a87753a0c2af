/**
 * The names of the documents the defaults rest on, what each says, and the label and basis of every
 * rule setting, in Chinese and English (part of {@link CORE_MESSAGES}). The document names are
 * descriptive (place, subject, year) where the project has not recorded the exact title.
 */
import type { MessageTable } from '../message-table.ts';

/** zh-CN and en templates for `policy.source.*`, `policy.setting.*` and `policy.basis.*`. */
export const policyMessages: MessageTable = {
	'zh-CN': {
		'policy.source.local_choice': '本地设定（无文件规定）',
		'policy.source.npcsc_oath_decision_2018':
			'全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年修订）',
		'policy.source.npcsc_oath_decision_2018.says':
			'各级人民代表大会及县级以上各级人民代表大会常务委员会选举或者决定任命的国家工作人员，以及各级人民政府、监察委员会、人民法院、人民检察院任命的国家工作人员，就职时公开进行宪法宣誓；集体宣誓时由一人领誓；宣誓场所悬挂国旗或者国徽，奏唱国歌',
		'policy.source.lianyungang_2013': '连云港市任前法律知识考试规定（2013年）',
		'policy.source.lianyungang_2013.says':
			'任前法律知识考试安排在公示期满、正式任命之前；考试不合格的可补考一次',
		'policy.source.lanzhou_2014': '兰州市任前法律知识考试规定（2014年）',
		'policy.source.lanzhou_2014.says': '60分为合格；人大任命的干部由人大自行组织考试',
		'policy.source.xiaoshan_2021': '杭州市萧山区任前法律知识考试规定（2021年）',
		'policy.source.xiaoshan_2021.says': '取得国家法律职业资格的免考；非领导职务也须参加考试',
		'policy.setting.promotion.countFrom': '考试成绩的起算点',
		'policy.basis.promotion.countFrom':
			'默认自公示起算（本项目的选择）；连云港 2013 年的规定在公示期满后考试，可改为“公示期满”',
		'policy.setting.promotion.government.examRequired': '政府任命的领导职务须考试',
		'policy.basis.promotion.government.examRequired':
			'先考后提：非人大任命的领导职务，任前须参加法律知识考试',
		'policy.setting.promotion.government.maxRetakes': '政府任命职务的补考次数',
		'policy.basis.promotion.government.maxRetakes': '考试不合格的可补考一次',
		'policy.setting.promotion.congress.examRequired': '人大任命的职务在本系统考试',
		'policy.basis.promotion.congress.examRequired':
			'人大任命的干部由人大自行组织考试，默认不在本系统把关',
		'policy.setting.promotion.congress.maxRetakes': '人大任命职务的补考次数',
		'policy.basis.promotion.congress.maxRetakes':
			'仅当人大任命的职务也在本系统考试时适用；沿用补考一次',
		'policy.setting.promotion.leadingPostsOnly': '只有领导职务须考试',
		'policy.basis.promotion.leadingPostsOnly':
			'默认只考领导职务（本项目的选择）；萧山 2021 年的规定非领导职务也须考试',
		'policy.setting.promotion.exemptions': '免考情形',
		'policy.basis.promotion.exemptions': '取得国家法律职业资格的免考，须登记证书名称、编号和日期',
		'policy.setting.promotion.voidedAttempt': '违纪作废答卷的后果',
		'policy.basis.promotion.voidedAttempt':
			'违纪作废成绩；对补考有何影响没有文件规定，默认按不合格处理',
		'policy.setting.certificate.validYears': '执法资格证书有效期（年，自合格之日起）',
		'policy.basis.certificate.validYears': '没有文件规定年限；示例为 3 年',
		'policy.setting.certificate.expiringSoonDays': '到期前多少天提示“即将到期”',
		'policy.basis.certificate.expiringSoonDays': '本项目的选择：到期前 90 天',
		'policy.setting.certificate.window': '全省统一的证件有效期窗口（代替自合格起算）',
		'policy.basis.certificate.window': '部分省份按统一周期换发执法证；默认不设窗口',
		'policy.setting.certificate.reviewEveryYears': '审验周期（年；0 为不审验）',
		'policy.basis.certificate.reviewEveryYears':
			'各省规定每年或每两年审验一次；默认不审验，由本地设定',
		'policy.setting.certificate.requiredParts': '取证须通过的考试科目',
		'policy.basis.certificate.requiredParts':
			'执法资格考试包括通用法律知识和专门法律知识；默认一次考试（合卷）即可取证，可设为两科均须通过',
		'policy.setting.certificate.revocationWaitYears':
			'执法证吊销后重新取证的等待年限（0 为不等待）',
		'policy.basis.certificate.revocationWaitYears':
			'没有文件规定年限；暂扣期间考试合格不发新证，须先解除暂扣；吊销后默认 1 年内考试合格不发新证，由本地设定',
		'policy.setting.oath.mustSwear': '须宪法宣誓的任命机关',
		'policy.basis.oath.mustSwear':
			'人大及其常委会选举或者决定任命的，以及政府、监察委员会、法院、检察院任命的人员须宣誓；党委等其他机关任命的不在决定之列',
		'policy.setting.oath.days': '任命后宣誓的期限（天数）',
		'policy.basis.oath.days': '没有文件规定天数；各地示例有 30 日内、15 个工作日内',
		'policy.setting.oath.unit': '宣誓期限按自然日或工作日计算',
		'policy.basis.oath.unit': '没有文件规定；默认按自然日计算'
	},
	en: {
		'policy.source.local_choice': 'Local choice (no document fixes it)',
		'policy.source.npcsc_oath_decision_2018':
			'NPCSC Decision on Instituting the Constitutional Oath System (revised 2018)',
		'policy.source.npcsc_oath_decision_2018.says':
			"State employees elected or appointed by a people's congress or (at county level and above) its standing committee, and those appointed by a people's government, supervisory commission, court or procuratorate, take the oath publicly on taking office; a collective oath is led by one of them; the flag or emblem is displayed and the anthem played",
		'policy.source.lianyungang_2013': 'Lianyungang rules on the pre-appointment law exam (2013)',
		'policy.source.lianyungang_2013.says':
			'The exam is held after the public notice ends and before formal appointment; one retake after a fail',
		'policy.source.lanzhou_2014': 'Lanzhou rules on the pre-appointment law exam (2014)',
		'policy.source.lanzhou_2014.says':
			"Pass mark 60; people's-congress appointees are tested by the congress itself",
		'policy.source.xiaoshan_2021':
			'Xiaoshan District (Hangzhou) rules on the pre-appointment law exam (2021)',
		'policy.source.xiaoshan_2021.says':
			'Holders of the national legal professional qualification are exempt; non-leading posts are tested too',
		'policy.setting.promotion.countFrom': 'Exams count from',
		'policy.basis.promotion.countFrom':
			"From the public notice by default (the project's choice); Lianyungang 2013 holds the exam after the notice ends: choose “end of the public notice” to follow it",
		'policy.setting.promotion.government.examRequired':
			'Exam required for government-appointed leading posts',
		'policy.basis.promotion.government.examRequired':
			"Test before promotion: leading posts not appointed by the people's congress are tested before appointment",
		'policy.setting.promotion.government.maxRetakes': 'Retakes for government-appointed posts',
		'policy.basis.promotion.government.maxRetakes': 'One retake after a fail',
		'policy.setting.promotion.congress.examRequired':
			'Exam required here for congress-appointed posts',
		'policy.basis.promotion.congress.examRequired':
			"People's-congress appointees are tested by the congress itself, so they are not gated here by default",
		'policy.setting.promotion.congress.maxRetakes': 'Retakes for congress-appointed posts',
		'policy.basis.promotion.congress.maxRetakes':
			'Applies only if congress-appointed posts are tested here; follows the one-retake rule',
		'policy.setting.promotion.leadingPostsOnly': 'Only leading posts are tested',
		'policy.basis.promotion.leadingPostsOnly':
			"Leading posts only by default (the project's choice); Xiaoshan 2021 tests non-leading posts too",
		'policy.setting.promotion.exemptions': 'Exemptions',
		'policy.basis.promotion.exemptions':
			'Holders of the national legal professional qualification are exempt, with the certificate name, number and date recorded',
		'policy.setting.promotion.voidedAttempt': 'What a voided (cheating) attempt means',
		'policy.basis.promotion.voidedAttempt':
			'Misconduct voids the score; no document says what that means for retakes, so by default it counts as a fail',
		'policy.setting.certificate.validYears':
			'Years an enforcement certificate is valid, from the pass',
		'policy.basis.certificate.validYears': 'No document fixes it; three years is the example',
		'policy.setting.certificate.expiringSoonDays': 'Days before expiry that count as expiring soon',
		'policy.basis.certificate.expiringSoonDays': "The project's choice: 90 days",
		'policy.setting.certificate.window':
			'A province-wide validity window (instead of a period from the pass)',
		'policy.basis.certificate.window':
			'Some provinces issue enforcement IDs for a fixed period; no window by default',
		'policy.setting.certificate.reviewEveryYears': 'Review every N years (0: no review)',
		'policy.basis.certificate.reviewEveryYears':
			'Provinces review yearly or every two years; no review by default, a local setting',
		'policy.setting.certificate.requiredParts':
			'Exam parts that must be passed for the certificate',
		'policy.basis.certificate.requiredParts':
			'The qualification exam covers general and specialised law; by default one paper on both grants it, or both parts can be required',
		'policy.setting.certificate.revocationWaitYears':
			'Years after a revocation before a pass grants a new certificate (0: none)',
		'policy.basis.certificate.revocationWaitYears':
			'No document fixes it; while suspended a pass grants no new certificate until the suspension is lifted; after a revocation, by default a pass within a year grants none; a local setting',
		'policy.setting.oath.mustSwear': 'Appointing bodies whose appointees take the oath',
		'policy.basis.oath.mustSwear':
			"Those elected or appointed by the people's congress or its standing committee, or appointed by a government, supervisory commission, court or procuratorate; other bodies (such as party committees) are not named in the decision",
		'policy.setting.oath.days': 'Days after the appointment to take the oath',
		'policy.basis.oath.days':
			'No document fixes the days; local examples: within 30 days, within 15 working days',
		'policy.setting.oath.unit': 'Oath deadline in calendar or working days',
		'policy.basis.oath.unit': 'No document fixes it; calendar days by default'
	}
};
