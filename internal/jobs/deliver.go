package jobs

import (
	"context"
	"errors"

	"github.com/riverqueue/river"
	gomail "github.com/wneessen/go-mail"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// DeliverArgs sends one message of the outbox through the mail server.
// River retries it with backoff up to its MaxAttempts (MailAttempts); the
// last failure, or a permanent refusal by the server (a 5xx reply: no such
// mailbox, say), marks the message failed for administrators to see and
// retry.
type DeliverArgs struct {
	MessageID int64 `json:"message_id"`
}

// Kind names the job in the queue.
func (DeliverArgs) Kind() string { return "deliver" }

type deliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	deps Deps
}

// Work sends the message, unless it is no longer queued (sent already, by
// an earlier attempt whose job was cut short after the server took it),
// composed again for its recipient first (notify.Composer.Recompose): one
// that no longer tells them anything they may read is withdrawn.
func (w *deliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	s := w.deps.Store
	m, err := s.Message(ctx, job.Args.MessageID)
	if mb.ErrorCode(err) == mb.ENOTFOUND {
		return nil
	}
	if err != nil || m.Status != mb.MessageQueued {
		return err
	}
	if w.deps.Sender == nil {
		err := errors.New("no mail server is configured (MINUTEBOOK_SMTP_URL)")
		if ferr := s.MessageAttemptFailed(ctx, m.ID, job.Attempt, err.Error(), true); ferr != nil {
			return ferr
		}
		return river.JobCancel(err)
	}
	// Composed again for its recipient as they may read now: what is sent
	// passes the reading rule at sending time.
	fresh, err := w.deps.Composer.Recompose(ctx, m)
	if err != nil {
		return err
	}
	if fresh == nil {
		w.deps.Logger.Info("jobs: a message was withdrawn", "message", m.ID)
		return s.MessageWithdrawn(ctx, m.ID, "Composed again before sending, it told nothing its recipient may still read.")
	}
	if fresh.Subject != m.Subject || fresh.Text != m.Text || fresh.HTML != m.HTML {
		if err := s.ReviseMessage(ctx, fresh); err != nil {
			return err
		}
		m = fresh
	}
	sendErr := w.deps.Sender.Send(ctx, m)
	if sendErr == nil {
		return s.MessageSent(ctx, m.ID, job.Attempt)
	}
	var se *gomail.SendError
	// A 5xx reply is the server's final word; anything else (a 4xx, a
	// connection lost) is tried again.
	permanent := errors.As(sendErr, &se) && se.ErrorCode() >= 500 && se.ErrorCode() < 600
	last := permanent || job.Attempt >= job.MaxAttempts
	if err := s.MessageAttemptFailed(ctx, m.ID, job.Attempt, sendErr.Error(), last); err != nil {
		return err
	}
	w.deps.Logger.Warn("jobs: a message was not sent", "message", m.ID, "attempt", job.Attempt, "of", job.MaxAttempts, "failed", last, "err", sendErr)
	if permanent {
		return river.JobCancel(sendErr)
	}
	return sendErr
}
