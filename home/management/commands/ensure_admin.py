import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' with a random password, printed once. "
        "Does nothing when a superuser already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.com")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An admin account already exists; its password was printed when it was "
                f"created. Reset it with: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        banner = "=" * 64
        self.stdout.write(
            self.style.SUCCESS(
                f"{banner}\nAdmin account created (shown only this once):\n"
                f"  URL:      http://127.0.0.1:8000/admin/\n"
                f"  username: {username}\n  password: {password}\n{banner}"
            )
        )
