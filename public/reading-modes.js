// 长者模式, 高对比度: a class on <html> and a pressed switch each, kept in localStorage; run in <head> so no page paints in the wrong mode.
(function (r, k) {
	function get(n) { try { return localStorage.getItem(n) == '1'; } catch (e) { return false; } }
	function set(n, on) {
		r.classList.toggle(n, on);
		var b = document.getElementById(n);
		if (b) b.setAttribute('aria-pressed', on);
	}
	function all() { k.forEach(function (n) { set(n, get(n)); }); }
	r.classList.add('js');
	all();
	document.addEventListener('DOMContentLoaded', function () {
		all();
		k.forEach(function (n) {
			var b = document.getElementById(n);
			if (b) b.onclick = function () {
				var on = !r.classList.contains(n);
				try { localStorage.setItem(n, on ? '1' : '0'); } catch (e) {}
				set(n, on);
			};
		});
	});
	// Back/forward cache; another tab.
	addEventListener('pageshow', function (e) { if (e.persisted) all(); });
	addEventListener('storage', all);
})(document.documentElement, ['large-text', 'high-contrast']);
