// Figures by the project's rule: the report's own number, the magnitude in the unit, the qualifier beside it.
import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../../src/tooling/import/metrics';

const figures = (text: string) => extractMetrics(text).map(({ value, unit, qualifier }) => [value, unit, qualifier ?? ''].join(' ').trim());

describe('extractMetrics', () => {
	it('keeps the number as written, the magnitude in the unit and the qualifier', () => {
		expect(extractMetrics('全市线下购物无理由退货签约商户超过10.7万家,成立示范企业联盟。')).toEqual([{ label: '全市线下购物无理由退货签约商户', value: 10.7, unit: '万家', qualifier: '超过' }]);
		expect(figures('共完成6000余人次培训,其中90%以上都是中小微企业,牵头归集涉企信息近82万条,融资额超106亿元。')).toEqual(['6000 人次 余', '90 % 以上', '82 万条 近', '106 亿元 超']);
	});

	it('labels a figure with what it counts', () => {
		expect(extractMetrics('查办案件15623件,33件入选总局、省局典型案例。').map((m) => m.label)).toEqual(['查办案件', '入选总局、省局典型案例']);
		expect(extractMetrics('提供30个国家(地区)的101部知识产权法律法规、28家境外服务机构。').map((m) => m.label)).toEqual(['国家(地区)', '知识产权法律法规', '境外服务机构']);
		expect(extractMetrics('面对59万台套特种设备的繁重监管任务。').map((m) => m.label)).toEqual(['特种设备']);
	});

	it('counts small numbers the report writes in Chinese where they are counts', () => {
		expect(figures('苏州连续两年取得第一,受邀在三个国家级会议上发言,汇总三年来典型案例。')).toEqual(['2 年', '3 个', '3 年']);
	});

	it('leaves out years, dates, ordinals, versions, ranges and numbers inside names', () => {
		expect(figures('2023年9月,第五届大会,4.0版清单,1-8月,2022年度,实施三年行动计划,落实“两个责任”,《2023年学习计划》,12315平台,二十个城市。')).toEqual([]);
	});
});
