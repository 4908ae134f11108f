// The designer shell around Elsa Studio's custom elements: the language of the page chrome, and navigation between the
// four elements (definition list, editor, instance list, viewer) without reloading the WebAssembly runtime.
(function () {
    'use strict';

    var root = document.documentElement;
    var main = document.getElementById('hd-main');
    var loading = document.getElementById('hd-loading');
    var texts = JSON.parse(root.getAttribute('data-texts') || '{}');
    var views = {
        definitions: { tag: 'elsa-workflow-definition-list', nav: 'definitions' },
        editor: { tag: 'elsa-workflow-definition-editor', nav: 'definitions', idAttribute: 'definition-id' },
        instances: { tag: 'elsa-workflow-instance-list', nav: 'instances' },
        viewer: { tag: 'elsa-workflow-instance-viewer', nav: 'instances', idAttribute: 'instance-id' }
    };

    // The element the host rendered waits outside the page until Blazor has defined it (mount): its callbacks must be
    // among the parameters its root component starts with, as the editor ignores parameters that come later.
    var initial = main.firstElementChild;
    if (initial) initial.remove();

    // Backend settings every element carries (the Studio keeps them in one singleton: the last element wins).
    var backend = {};
    ['remote-endpoint', 'access-token'].forEach(function (name) {
        if (initial && initial.hasAttribute(name)) backend[name] = initial.getAttribute(name);
    });

    // The Studio formats its dates (instance list, version history, viewer) in the culture it reads from localStorage
    // (BlazorCulture; en-US when unset) as it starts, with the full ICU data it always loads: the frame's language.
    function setStudioCulture(lang) {
        try {
            window.localStorage.setItem('BlazorCulture', lang === 'en' ? 'en-US' : 'zh-CN');
        } catch (e) {
            // Storage refused (a private window's policy): the Studio keeps its own default.
        }
    }

    setStudioCulture(root.getAttribute('data-lang'));

    function setLanguage(lang) {
        var dictionary = texts[lang];
        if (!dictionary) return;
        setStudioCulture(lang);
        document.querySelectorAll('[data-i18n]').forEach(function (element) {
            var text = dictionary[element.getAttribute('data-i18n')];
            if (text) element.textContent = text;
        });
        document.querySelectorAll('[data-i18n-title]').forEach(function (element) {
            var text = dictionary[element.getAttribute('data-i18n-title')];
            if (text) element.title = text;
        });
        root.lang = lang === 'zh' ? 'zh-CN' : lang;
        root.setAttribute('data-lang', lang);
        document.cookie = 'hotline.lang=' + lang + '; path=/; max-age=31536000; samesite=strict';
    }

    // Routes relative to /designer/, as the host maps them (Hotline.Host/Designer/DesignerEndpoints.cs), and the
    // Studio's own addresses (workflows/definitions/{id}/edit, workflows/instances/{id}/view), which some of its links
    // use even inside custom elements, some of them from the site's root.
    function route(url) {
        if (url.origin !== window.location.origin) return null;
        var match;
        if ((match = /^(?:\/designer)?\/workflows\/definitions\/([^/]+)\/edit$/.exec(url.pathname))) return { view: 'editor', id: decodeURIComponent(match[1]) };
        if ((match = /^(?:\/designer)?\/workflows\/instances\/([^/]+)\/view$/.exec(url.pathname))) return { view: 'viewer', id: decodeURIComponent(match[1]) };
        if (!/^\/designer(\/|$)/.test(url.pathname)) return null;
        var path = url.pathname.replace(/^\/designer\/?/, '');
        if (path === '' || path === 'definitions') return { view: 'definitions' };
        if (path === 'instances') return { view: 'instances' };
        if ((match = /^definitions\/([^/]+)$/.exec(path))) return { view: 'editor', id: decodeURIComponent(match[1]) };
        if ((match = /^instances\/([^/]+)$/.exec(path))) return { view: 'viewer', id: decodeURIComponent(match[1]) };
        return null;
    }

    function urlOf(view, id) {
        return new URL(view === 'editor' ? 'definitions/' + encodeURIComponent(id)
            : view === 'viewer' ? 'instances/' + encodeURIComponent(id) : view, document.baseURI);
    }

    function markActive(view) {
        main.setAttribute('data-view', view);
        document.querySelectorAll('.hd-nav [data-nav]').forEach(function (link) {
            link.classList.toggle('hd-active', link.getAttribute('data-nav') === views[view].nav);
        });
    }

    // Puts a defined (upgraded) element into the page with its callbacks (Blazor custom-element callback parameters
    // are JS function properties). The element adds its Blazor root component in a microtask, with the parameters it
    // has by then; Blazor finds element references through the document, so it must be in the page by then too.
    function mount(element) {
        var tag = element.localName;
        if (tag === 'elsa-workflow-definition-list' || tag === 'elsa-workflow-instance-viewer') {
            element.editWorkflowDefinition = function (definitionId) { navigate(urlOf('editor', definitionId)); };
        }
        if (tag === 'elsa-workflow-instance-list') {
            element.viewWorkflowInstance = function (instanceId) { navigate(urlOf('viewer', instanceId)); };
        }
        if (tag === 'elsa-workflow-definition-editor') {
            element.workflowDefinitionExecuted = function (instanceId) { navigate(urlOf('viewer', instanceId)); };
        }
        if (tag === 'elsa-workflow-definition-editor' || tag === 'elsa-workflow-instance-viewer') fitGraphs(element);
        main.replaceChildren(element);
    }

    // The editor and the viewer open on the whole graph. Studio only centres a loaded graph at 100 % (its own "zoom to
    // fit" stops at 50 %), so a large graph starts cut off at the canvas' edges. Its designer module (the one Blazor
    // imported, found by its address: the same address gives the same module) exports the X6 graphs by container id;
    // the graph is fitted into its canvas, again whenever Studio redraws or resizes nodes, until the person touches it.
    function fitGraphs(element) {
        var touched = false;
        var timer = 0;
        var observer = new MutationObserver(function () {
            clearTimeout(timer);
            timer = setTimeout(fit, 150);
        });
        ['pointerdown', 'wheel', 'keydown', 'drop'].forEach(function (name) {
            element.addEventListener(name, function () { touched = true; observer.disconnect(); }, { capture: true, once: true });
        });
        observer.observe(element, { childList: true, subtree: true, attributes: true, attributeFilter: ['width', 'height'] });

        // Studio's canvas is taller than the pane that shows it (its toolbar pushes it down under the bottom panel): the
        // graph is fitted into the part of the canvas its clipping ancestors leave visible.
        function paddingInside(container) {
            var canvas = container.getBoundingClientRect();
            var visible = { top: canvas.top, left: canvas.left, bottom: canvas.bottom, right: canvas.right };
            for (var e = container.parentElement; e; e = e.parentElement) {
                if (getComputedStyle(e).overflow === 'visible') continue;
                var r = e.getBoundingClientRect();
                visible = { top: Math.max(visible.top, r.top), left: Math.max(visible.left, r.left), bottom: Math.min(visible.bottom, r.bottom), right: Math.min(visible.right, r.right) };
            }
            return {
                top: 24 + visible.top - canvas.top, left: 24 + visible.left - canvas.left,
                bottom: 24 + canvas.bottom - visible.bottom, right: 24 + canvas.right - visible.right,
            };
        }

        // X6 centres the fitted content in the whole canvas whatever the padding: moved to the centre of the visible part.
        function centreInside(graph, container, padding) {
            var box = graph.getContentBBox({ useCellGeometry: false });
            var width = container.clientWidth, height = container.clientHeight;
            var dx = padding.left + (width - padding.left - padding.right - box.width) / 2 - box.x;
            var dy = padding.top + (height - padding.top - padding.bottom - box.height) / 2 - box.y;
            var now = graph.translate();
            graph.translate(now.tx + dx, now.ty + dy);
        }

        function studioDesigner() {
            var entry = performance.getEntriesByType('resource').filter(function (e) { return /\/designer\.entry\.js(\?|$)/.test(e.name); })[0];
            return entry ? import(entry.name) : Promise.resolve(null);
        }

        function fit() {
            if (touched || !element.isConnected) { observer.disconnect(); return; }
            var containers = element.querySelectorAll('.graph-container');
            if (!containers.length) return;
            studioDesigner().then(function (designer) {
                if (!designer || !designer.graphBindings || touched) return;
                containers.forEach(function (container) {
                    var binding = designer.graphBindings[container.id];
                    if (!binding || binding.graph.getNodes().length === 0) return;
                    var scale = binding.graph.transform.getScale().sx;
                    var padding = paddingInside(container);
                    // The drawn boxes, not the nodes' geometry: port labels stand outside a node's box.
                    binding.graph.zoomToFit({ padding: padding, minScale: 0.05, maxScale: 1, useCellGeometry: false });
                    centreInside(binding.graph, container, padding);
                    if (Math.abs(binding.graph.transform.getScale().sx - scale) > 0.001 || !container.hasAttribute('data-hd-fit'))
                        container.setAttribute('data-hd-fit', String(binding.graph.getNodes().length));
                });
            });
        }
    }

    // A removed Blazor custom element disposes its root component one second later; until then its MudBlazor
    // providers (popover, dialog, snackbar) are alive, and the next element's providers clash with them ("There is
    // already a subscriber to the content with the given section ID"). So the old component goes first.
    function dispose(element) {
        if (!element) return Promise.resolve();
        element.remove();
        if (element._addRootComponentPromise) {
            clearTimeout(element._disposalTimeoutHandle);
            element._isDisposed = true;
            return element._addRootComponentPromise.then(function (component) { return component.dispose(); });
        }
        return new Promise(function (resolve) { setTimeout(resolve, 1100); });
    }

    // The entry-point switch of the editor: GET, PUT and DELETE /api/workflows/entry-points/{id} with the session's token.
    var entry = document.getElementById('hd-entry');
    var entrySelect = document.getElementById('hd-entry-select');
    var entryStatus = document.getElementById('hd-entry-status');
    var entryDefinition = null;

    function text(key) {
        var dictionary = texts[root.getAttribute('data-lang')] || {};
        return dictionary[key] || key;
    }

    // The state comes from the list (always 200): GET .../{id} answers 404 for a closed definition, which the browser
    // would log as a failed request on every editor that is no entry point.
    function entryRequest(method, body) {
        var headers = { 'Authorization': 'Bearer ' + backend['access-token'] };
        if (body) headers['Content-Type'] = 'application/json';
        var path = '/api/workflows/entry-points' + (method === 'GET' ? '' : '/' + encodeURIComponent(entryDefinition));
        return fetch(new URL(path, window.location.origin).href,
            { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined });
    }

    function showEntry(value) {
        entrySelect.value = value;
        entrySelect.classList.toggle('hd-open', value !== '');
    }

    function loadEntry(target) {
        entryDefinition = target.view === 'editor' ? target.id : null;
        entry.classList.toggle('hd-hidden', !entryDefinition || !backend['access-token']);
        entryStatus.textContent = '';
        if (!entryDefinition || !backend['access-token']) return;
        var definitionId = entryDefinition;
        // Not to be changed before its state is known (it would show "closed" for an open definition meanwhile).
        entrySelect.disabled = true;
        entryRequest('GET').then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json().then(function (entries) {
                // The editor may have moved on to another definition while the list was on its way.
                if (definitionId !== entryDefinition) return;
                var open = entries.filter(function (e) { return e.definitionId === definitionId; })[0];
                showEntry(open ? open.intake : '');
                entrySelect.disabled = false;
            });
        }).catch(function () {
            if (definitionId === entryDefinition) entryStatus.textContent = text('entryFailed');
        });
    }

    entrySelect.addEventListener('change', function () {
        var value = entrySelect.value;
        entryStatus.textContent = '';
        var done = value === '' ? entryRequest('DELETE') : entryRequest('PUT', { intake: value });
        done.then(function (response) {
            if (!response.ok && !(value === '' && response.status === 404)) throw new Error(response.status);
            showEntry(value);
            entryStatus.textContent = text('entrySaved');
        }).catch(function () {
            entryStatus.textContent = text('entryFailed');
            loadEntry({ view: 'editor', id: entryDefinition });
        });
    });

    var showing = Promise.resolve();

    function show(target) {
        markActive(target.view);
        loadEntry(target);
        showing = showing.then(function () {
            return dispose(main.firstElementChild);
        }).then(function () {
            var definition = views[target.view];
            var element = document.createElement(definition.tag);
            Object.keys(backend).forEach(function (name) { element.setAttribute(name, backend[name]); });
            if (definition.idAttribute) element.setAttribute(definition.idAttribute, target.id);
            mount(element);
        });
        return showing;
    }

    function navigate(url) {
        var target = route(url);
        if (target) url = urlOf(target.view, target.id);
        // Before the runtime has started (or for anything unknown) a plain page load is the safe way.
        if (!target || !customElements.get(views[target.view].tag) || !backend['remote-endpoint']) {
            window.location.assign(url.href);
            return;
        }
        if (url.href !== window.location.href) window.history.pushState(null, '', url.href);
        show(target);
    }

    // The Studio's own navigation to its addresses (NavigationManager, e.g. workflows/instances/{id}/view after ▶ Run
    // in the editor) changes only the address inside custom elements: the designer shows that screen instead.
    var pushState = window.history.pushState;
    window.history.pushState = function (state, title, url) {
        var target = url == null ? null : new URL(url, document.baseURI);
        if (target && /^(\/designer)?\/workflows\//.test(target.pathname) && route(target)) {
            navigate(target);
            return;
        }
        pushState.apply(window.history, arguments);
    };

    window.addEventListener('popstate', function () {
        var target = route(new URL(window.location.href));
        if (target && customElements.get(views[target.view].tag)) show(target);
        else window.location.reload();
    });

    // The Studio's links to its own addresses (e.g. the viewer's "Definition ID") open the designer's screens.
    document.addEventListener('click', function (event) {
        var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        var url = new URL(link.getAttribute('href'), document.baseURI);
        if (!/^(\/designer)?\/workflows\//.test(url.pathname) || !route(url)) return;
        event.preventDefault();
        navigate(url);
    }, true);

    document.querySelectorAll('.hd-bar a[data-nav]').forEach(function (link) {
        link.addEventListener('click', function (event) {
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            navigate(new URL(link.getAttribute('href'), document.baseURI));
        });
    });

    document.getElementById('hd-language').addEventListener('click', function () {
        setLanguage(root.getAttribute('data-lang') === 'en' ? 'zh' : 'en');
        // The Studio keeps the activity catalogue it loaded; a reload fetches it in the new language (the cookie).
        if (Array.prototype.some.call(main.querySelectorAll('*'), function (element) { return element.localName.indexOf('elsa-') === 0; })) {
            location.reload();
        }
    });

    markActive(main.getAttribute('data-view') || 'definitions');
    if (initial) {
        customElements.whenDefined(initial.localName).then(function () {
            customElements.upgrade(initial);
            mount(initial);
            loadEntry(route(new URL(window.location.href)) || { view: 'definitions' });
            loading.classList.add('hd-hidden');
        });
    }
})();
