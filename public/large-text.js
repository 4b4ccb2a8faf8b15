// 长者模式 (large text), kept across pages. Runs in <head>: no page paints at the wrong size.
// The `js` class shows the button; storage is read once.
(function (root, key) {
	var on = false;
	try { on = localStorage.getItem(key) == '1'; } catch (e) {}
	function show(value) {
		on = value;
		root.classList.toggle(key, on);
		var b = document.getElementById(key);
		if (b) b.setAttribute('aria-pressed', on);
	}
	root.classList.add('js');
	show(on);
	document.addEventListener('DOMContentLoaded', function () {
		var b = document.getElementById(key);
		show(on);
		if (b) b.onclick = function () {
			try { localStorage.setItem(key, on ? '0' : '1'); } catch (e) {}
			show(!on);
		};
	});
	// Back/forward cache; another tab.
	addEventListener('pageshow', function (e) {
		if (e.persisted) try { show(localStorage.getItem(key) == '1'); } catch (x) {}
	});
	addEventListener('storage', function (e) {
		if (e.key == key) show(e.newValue == '1');
	});
})(document.documentElement, 'large-text');
