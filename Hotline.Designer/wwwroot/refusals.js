// What the host refuses the Studio, said by the frame. The Studio shows a refused request as Blazor's error bar (its
// client throws on any 4xx) or as a fixed sentence without the reason; the host's answers name the reason. This wraps
// fetch (the WebAssembly runtime's HttpClient calls it) and, for the refusals below, shows the frame's notice. A refused
// deletion of a running instance is then reported to the Studio as done: it reloads its list, where the row stays.
(function () {
    'use strict';

    var root = document.documentElement;
    var texts = JSON.parse(root.getAttribute('data-texts') || '{}');
    var notice = document.getElementById('hd-notice');
    var noticeText = document.getElementById('hd-notice-text');
    var refusals = [
        { method: 'DELETE', path: /\/elsa\/api\/workflow-instances\/[^/]+$/, status: 409, text: 'refusedRunningDelete', settle: true },
        { method: 'POST', path: /\/elsa\/api\/workflow-definitions\/[^/]+\/execute$/, status: 409, text: 'refusedNeverPublished' }
    ];

    function text(key) {
        var dictionary = texts[root.getAttribute('data-lang')] || {};
        return dictionary[key] || key;
    }

    function show(message) {
        noticeText.textContent = message;
        notice.classList.remove('hd-hidden');
    }

    document.getElementById('hd-notice-close').addEventListener('click', function () { notice.classList.add('hd-hidden'); });

    var fetch = window.fetch;
    window.fetch = function (input, init) {
        var method = ((init && init.method) || (input instanceof Request ? input.method : 'GET')).toUpperCase();
        var path = new URL(input instanceof Request ? input.url : String(input), document.baseURI).pathname;
        return fetch.apply(window, arguments).then(function (response) {
            var refusal = refusals.filter(function (r) { return r.method === method && r.status === response.status && r.path.test(path); })[0];
            if (!refusal) return response;
            show(text(refusal.text));
            return refusal.settle ? new Response(null, { status: 204 }) : response;
        });
    };
})();
