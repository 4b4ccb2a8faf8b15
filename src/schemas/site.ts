import { z } from 'astro/zod';

/**
 * `content/site.yaml`: what a 政府网站 shows about itself — its name, registrations, organisers and
 * contact — each given by the bureau. Every key is optional and each item appears on the site only
 * when set: a registration number nobody has given is left out, never guessed.
 */

const text = (label: string) => z.string({ error: `${label}须是一段文字` }).trim().min(1, `${label}不能为空：不知道就删去这一行`);

/** An address readers follow: the site links to it as written. */
const webAddress = (label: string) =>
	z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: `${label}须是以 http:// 或 https:// 开头的完整网址` });

export const siteContact = z.strictObject({
	/** 联系电话, as it is to be dialled (e.g. 0512-12345678). */
	phone: z
		.string({ error: '联系电话须用引号括起来写成文字，如 "0512-12345678"' })
		.trim()
		.regex(/^[0-9+()\- ]{5,30}$/, '联系电话只能含数字、空格和 + - ( )，如 0512-12345678'),
	/** 电子邮箱. */
	email: z.email({ error: '电子邮箱格式不对，应如 name@example.gov.cn' }),
	/** 通信地址. */
	address: text('通信地址'),
}).partial();

export const siteBadge = z.strictObject({
	/** The 党政机关网站开办者标识 image, a file under `public/` (e.g. `images/kaibanzhe.png`): the site loads nothing from another host. */
	image: z
		.string({ error: '标识图片须是 public/ 下的文件路径' })
		.trim()
		.regex(/^(?!\/|[a-z]+:)[\w./-]+\.(png|svg|gif|jpg|jpeg|webp)$/i, '标识图片须是 public/ 下的图片文件路径，如 images/kaibanzhe.png，不能是网址'),
	/** Where the badge links: the filing's page at the 开办者标识 system. */
	link: webAddress('开办者标识链接'),
});

export const siteInfo = z.strictObject({
	/** 网站名称, exactly as registered; without it the site keeps its default name. */
	name: text('网站名称').optional(),
	/** 网站标识码: ten letters or digits, issued with the site's registration. */
	siteCode: z
		.string({ error: '网站标识码须用引号括起来写成文字，如 "3205000000"' })
		.trim()
		.regex(/^[0-9A-Za-z]{10}$/, '网站标识码是 10 位数字或字母，用引号括起来，如 "3205000000"')
		.optional(),
	/** ICP备案号 as issued, e.g. 苏ICP备12345678号-1; linked to https://beian.miit.gov.cn/. */
	icp: z
		.string({ error: 'ICP备案号须是一段文字' })
		.trim()
		.regex(/^\p{Script=Han}ICP备\d+号(-\d+)?$/u, 'ICP备案号的格式应如 苏ICP备12345678号 或 苏ICP备12345678号-1')
		.optional(),
	/** 公安机关备案号 as issued, e.g. 苏公网安备 32050000000000号. */
	psb: text('公安机关备案号').optional(),
	/** The digits of the 公安机关备案号, for the link to its record at beian.mps.gov.cn. */
	psbCode: z
		.string({ error: '公安机关备案编码须用引号括起来写成文字，如 "32050000000000"' })
		.trim()
		.regex(/^\d{10,20}$/, '公安机关备案编码只写备案号中的数字，如 "32050000000000"')
		.optional(),
	/** 党政机关网站开办者标识: its image and its link. */
	badge: siteBadge.optional(),
	/** 主办单位. */
	organizer: text('主办单位').optional(),
	/** 承办单位. */
	operator: text('承办单位').optional(),
	/** 联系方式: each part optional. */
	contact: siteContact.optional(),
	/** 我为政府网站找错: the address of the site's error-report form. */
	correctionUrl: webAddress('“我为政府网站找错”网址').optional(),
	/** 政府信息公开: the address of the bureau's disclosure pages. */
	disclosureUrl: webAddress('政府信息公开网址').optional(),
}).refine((info) => !info.psbCode || info.psb, { message: '写了 psbCode 却没写 psb：请同时写上公安机关备案号全文', path: ['psbCode'] });

export type SiteInfo = z.output<typeof siteInfo>;
