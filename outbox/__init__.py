"""Outgoing email: every message the site sends is queued here and sent by the task worker.

The one mail path
-----------------
1. Code calls Django's mail API as usual (``send_mail``, ``EmailMessage.send()``,
   Wagtail's moderation notifications...). ``EMAIL_BACKEND`` is
   ``outbox.backends.QueuedEmailBackend``: it stores each message as an
   ``OutgoingEmail`` row and enqueues ``outbox.tasks.deliver_email`` in the caller's
   transaction. No SMTP happens in a request, and the email exists exactly when the
   submission that wrote it commits.
2. The worker (``manage.py db_worker --backend leads``) runs ``deliver_email``, which
   sends through ``OUTBOX_DELIVERY_BACKEND`` (SMTP in production), retries with a
   growing delay up to ``OUTBOX_MAX_ATTEMPTS``, and marks the row sent exactly once.

Tasks that already run in the worker and keep their own record of delivery (the
lead emails in ``enquiries.tasks``, whose status the leads inbox shows) send through
``outbox.delivery.delivery_connection()`` directly, with the same retry delays.
Staff see queued, sent and failed emails under Settings > Outgoing email, with a
"Retry now" action.
"""
