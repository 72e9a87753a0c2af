// Fictional people for the demo district: common surnames and given-name characters, combined by a
// seeded generator so that every fresh demo database is the same.
export const SURNAMES = [
	...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
];
export const GIVEN = [
	...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡婷雪琳颖佳慧思梦瑶子涵博睿泽宁远航海峰松林'
];

/** mulberry32: a tiny deterministic PRNG for demo data (not for anything secret). */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
	return items[Math.floor(rng() * items.length)]!;
}

export function chineseName(rng: () => number): string {
	const given = pick(rng, GIVEN) + (rng() < 0.6 ? pick(rng, GIVEN) : '');
	return pick(rng, SURNAMES) + given;
}
