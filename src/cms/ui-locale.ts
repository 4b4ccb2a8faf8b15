// Imported before the CMS: the staff work in Chinese, so /admin/ starts in Chinese whatever the
// browser's language; a language chosen later in the CMS's settings is kept. The CMS reads this
// preference as its module runs and stores "follow the browser" when there is none, so it must be
// set before then.
const prefsKey = 'sveltia-cms.prefs';
try {
	const prefs = JSON.parse(localStorage.getItem(prefsKey) ?? '{}') as Record<string, unknown>;
	if (!prefs['locale']) localStorage.setItem(prefsKey, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
} catch {
	// Storage switched off: the CMS then follows the browser's language.
}
