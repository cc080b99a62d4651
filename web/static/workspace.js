// minutebook's workspace: what the minutes page does with JavaScript on top
// of htmx (which opens forms in place and swaps only the part that
// changed). Every form works without it; this file adds:
//   - Ctrl+Enter (or Cmd+Enter) saves the form being typed in;
//   - Escape cancels it, asking first when typed text would be lost;
//   - the text of every form that keeps drafts is kept every few seconds
//     as the reader's private draft (POST /drafts), and says when;
//   - the attendance form's "everyone present" and "add a row" work in the
//     page, without a round trip.
// It is served from /static/ (the Content-Security-Policy allows no inline
// script) and uses no eval.
(function () {
  'use strict';

  var AUTOSAVE_EVERY = 5000; // milliseconds

  function editorOf(el) {
    return el && el.closest ? el.closest('form[data-editor], form[data-autosave]') : null;
  }

  function isDirty(form) {
    return form && form.dataset.dirty === '1';
  }

  // A change marks a form dirty, for the warning, and unsaved, for the
  // autosave.
  function markDirty(form) {
    form.dataset.dirty = '1';
    form.dataset.unsaved = '1';
  }

  // Typing marks a form dirty.
  document.addEventListener('input', function (evt) {
    var form = editorOf(evt.target);
    if (form) {
      markDirty(form);
    }
  });
  document.addEventListener('change', function (evt) {
    var form = editorOf(evt.target);
    if (form) {
      markDirty(form);
    }
    // Choosing "part" opens the list of items to choose from.
    if (evt.target.matches && evt.target.matches('select[data-status]') && evt.target.value === 'part') {
      var row = evt.target.closest('tr');
      var details = row && row.querySelector('details.part-items');
      if (details) {
        details.open = true;
      }
    }
  });
  // A form sent is no longer dirty, nor a draft to keep: an autosave while
  // it is on its way would keep again the draft its save clears.
  document.addEventListener('submit', function (evt) {
    if (evt.target.dataset) {
      evt.target.dataset.dirty = '';
      evt.target.dataset.unsaved = '';
    }
  }, true);

  function discardDraft(form) {
    if (!form.dataset.autosave || !form.dataset.draftKey) {
      return;
    }
    var body = new URLSearchParams();
    body.set('form_path', form.dataset.draftKey);
    body.set('back', form.dataset.draftKey);
    fetch('/drafts/discard', {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual'});
  }

  // cancel leaves the editor, asking first when text would be lost.
  function cancel(form, link) {
    if (isDirty(form) && !window.confirm('Discard what you typed here? It has not been saved.')) {
      return false;
    }
    form.dataset.dirty = '';
    discardDraft(form);
    if (link) {
      link.dataset.confirmed = '1';
      link.click();
    }
    return true;
  }

  document.addEventListener('keydown', function (evt) {
    var form = editorOf(evt.target);
    if (!form) {
      return;
    }
    if (evt.key === 'Enter' && (evt.ctrlKey || evt.metaKey)) {
      var primary = form.querySelector('[data-primary]');
      if (primary) {
        evt.preventDefault();
        primary.click();
      }
    } else if (evt.key === 'Escape') {
      var link = form.querySelector('[data-cancel]');
      if (link) {
        evt.preventDefault();
        cancel(form, link);
      }
    }
  });

  // A click on Cancel asks first, before htmx acts on it.
  document.addEventListener('click', function (evt) {
    var link = evt.target.closest && evt.target.closest('[data-cancel]');
    if (!link) {
      return;
    }
    if (link.dataset.confirmed === '1') {
      link.dataset.confirmed = '';
      return;
    }
    var form = editorOf(link);
    if (form && isDirty(form)) {
      evt.preventDefault();
      evt.stopPropagation();
      cancel(form, link);
    } else if (form) {
      discardDraft(form);
    }
  }, true);

  // The autosave: every few seconds, each form typed into since it was
  // last kept is posted as the reader's draft.
  function status(form, text) {
    var el = form.querySelector('[data-autosave-status]');
    if (el) {
      el.textContent = text;
    }
  }

  function clock() {
    var d = new Date();
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }

  function autosave() {
    var forms = document.querySelectorAll('form[data-autosave]');
    Array.prototype.forEach.call(forms, function (form) {
      if (form.dataset.unsaved !== '1' || !form.isConnected) {
        return;
      }
      form.dataset.unsaved = '';
      var body = new URLSearchParams(new FormData(form));
      body.set('draft_key', form.dataset.draftKey);
      fetch(form.dataset.autosave, {method: 'POST', body: body, credentials: 'same-origin'}).then(function (res) {
        if (res.status === 204) {
          status(form, 'Draft kept at ' + clock() + ' (only you can see it).');
        } else if (res.status === 401) {
          form.dataset.unsaved = '1';
          status(form, 'Your session has ended. Your text is still here: saving keeps it while you sign in again.');
        } else {
          form.dataset.unsaved = '1';
          status(form, 'The draft could not be kept just now; it will be tried again.');
        }
      }, function () {
        form.dataset.unsaved = '1';
        status(form, 'The draft could not be kept just now (no connection); it will be tried again.');
      });
    });
  }
  window.setInterval(autosave, AUTOSAVE_EVERY);

  // The attendance form: everyone present, then the exceptions; and as
  // many rows for other participants as needed.
  document.addEventListener('click', function (evt) {
    var all = evt.target.closest && evt.target.closest('[data-all-present]');
    if (all) {
      evt.preventDefault();
      var form = all.closest('form');
      Array.prototype.forEach.call(form.querySelectorAll('select[data-status][data-member]'), function (sel) {
        sel.value = 'present';
      });
      markDirty(form);
      return;
    }
    var add = evt.target.closest && evt.target.closest('[data-add-row]');
    if (add) {
      evt.preventDefault();
      var f = add.closest('form');
      var template = f.querySelector('template[data-row-template]');
      var count = f.querySelector('input[name="rows"]');
      var n = parseInt(count.value, 10);
      var html = template.innerHTML.split('__N__').join(String(n)).split('__LINE__').join(String(n + 1));
      var body = f.querySelector('tbody[data-rows]');
      body.insertAdjacentHTML('beforeend', html);
      count.value = String(n + 1);
      var first = body.lastElementChild.querySelector('select, input');
      if (first) {
        first.focus();
      }
    }
  });

  // What htmx cannot show: a refusal it does not swap (a 403, a 500, the
  // server gone) is said above the page, and the part swapped in takes
  // the focus, for keyboard and screen-reader users.
  function say(text) {
    var el = document.getElementById('workspace-status');
    if (!el) {
      el = document.createElement('div');
      el.id = 'workspace-status';
      el.className = 'flash error';
      el.setAttribute('role', 'alert');
      var main = document.querySelector('main');
      main.insertBefore(el, main.firstChild);
    }
    el.textContent = text;
  }
  document.addEventListener('htmx:responseError', function (evt) {
    say('That could not be done (the server answered ' + evt.detail.xhr.status + '). Nothing you typed is lost: it is still in the form.');
  });
  document.addEventListener('htmx:sendError', function () {
    say('The server could not be reached. Nothing you typed is lost: it is still in the form; try again.');
  });
  document.addEventListener('htmx:afterSettle', function (evt) {
    var swapped = evt.detail.target;
    var target = swapped && swapped.id ? document.getElementById(swapped.id) : null;
    if (target && !target.querySelector('[autofocus]') && document.activeElement === document.body) {
      if (!target.hasAttribute('tabindex')) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus({preventScroll: true});
    }
  });
})();
