;;; eglot_test.el --- `escc lsp' driven by Emacs's eglot, as the README sets it up  -*- lexical-binding: t -*-
;; Run by eglot_test.sh: emacs --batch -l SETUP -l eglot_test.el, where SETUP is the
;; README's Emacs block, copied out of README.md. Opens PROTOCOL, reads back the findings
;; eglot hands to Flymake, types an error and reads its finding, and asks for a hover;
;; writes what it was given to TRANSCRIPT. `escc' is on PATH.
(require 'eglot)
(require 'flymake)

(defvar esc-test-lines nil "What eglot was given, a line each, newest first.")
(defvar esc-test-folder (file-name-directory (getenv "PROTOCOL")))

(defun esc-test-say (text)
  (dolist (line (split-string text "\n"))
    (push (string-replace esc-test-folder "ROOT/" line) esc-test-lines)))

(defun esc-test-finish (status)
  (with-temp-file (getenv "TRANSCRIPT")
    (insert (mapconcat #'identity (reverse esc-test-lines) "\n") "\n"))
  (kill-emacs status))

(defun esc-test-wait (what ready)
  "Lets the server's messages in until READY answers, or 20 seconds pass."
  (let ((deadline (+ (float-time) 20)))
    (while (and (not (funcall ready)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall ready) (error "waited 20 s for %s" what))))

(defun esc-test-findings (heading)
  "The findings Flymake holds from eglot, once the server has published them."
  (esc-test-say (format "## %s" heading))
  (dolist (finding (sort (flymake-diagnostics)
                         (lambda (a b) (if (= (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))
                                           (string< (flymake-diagnostic-text a) (flymake-diagnostic-text b))
                                         (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
    (esc-test-say (format "%s %d: %s" (flymake-diagnostic-type finding)
                          (line-number-at-pos (flymake-diagnostic-beg finding))
                          (flymake-diagnostic-text finding)))))

(defvar esc-test-published 0 "How many times the server has published findings.")
(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics) (setq esc-test-published (1+ esc-test-published)))))

(condition-case problem
    (progn
      (find-file (getenv "PROTOCOL"))
      (esc-test-say (format "mode: %s" major-mode))
      ;; eglot-ensure connects after the next command; batch Emacs runs no commands.
      (run-hooks 'post-command-hook)
      (esc-test-wait "the server" (lambda () (eglot-current-server)))
      (esc-test-wait "the first findings" (lambda () (> esc-test-published 0)))
      (esc-test-wait "Flymake" (lambda () (flymake-diagnostics)))
      (esc-test-findings "opened")
      ;; An error typed: a stage that does not exist.
      (goto-char (point-min))
      (search-forward "go to stage 3")
      ;; eglot sends a change when Emacs is idle, which batch Emacs never is: it is sent
      ;; here as that idle timer would.
      (let ((seen esc-test-published))
        (replace-match "go to stage 9")
        (eglot--signal-textDocument/didChange)
        (esc-test-wait "the finding on the edit" (lambda () (> esc-test-published seen))))
      (esc-test-wait "Flymake" (lambda () (seq-some (lambda (d) (string-match-p "stage 9" (flymake-diagnostic-text d)))
                                                    (flymake-diagnostics))))
      (esc-test-findings "after typing 'go to stage 9'")
      ;; Put back, then a hover on stage 1, asked for as eglot asks (M-x eldoc).
      (goto-char (point-min))
      (search-forward "go to stage 9")
      (let ((seen esc-test-published))
        (replace-match "go to stage 3")
        (eglot--signal-textDocument/didChange)
        (esc-test-wait "the findings on putting it back" (lambda () (> esc-test-published seen))))
      (goto-char (point-min))
      (search-forward "stage 1 \"")
      (beginning-of-line)
      (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                    (eglot--TextDocumentPositionParams))))
        (esc-test-say "## hover on stage 1")
        (esc-test-say (if hover (string-trim (plist-get (plist-get hover :contents) :value)) "no hover")))
      (esc-test-finish 0))
  (error
   (esc-test-say (format "FAILED: %s" (error-message-string problem)))
   (esc-test-finish 1)))
