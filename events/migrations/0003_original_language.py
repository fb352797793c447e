
import newsroom.core.original_language
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_ordered_contacts'),
    ]

    operations = [
        # Everything written before original languages existed had to have Swedish text.
        migrations.AddField(
            model_name='event',
            name='original_language',
            field=models.CharField(choices=[('sv', 'Swedish'), ('nb', 'Norwegian Bokmål'), ('nn', 'Norwegian Nynorsk'), ('en', 'English')], default='sv', help_text='The language this is written in. Only its fields are required; the other languages are translations and may stay empty.', max_length=10, verbose_name='original language'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='event',
            name='original_language',
            field=models.CharField(choices=[('sv', 'Swedish'), ('nb', 'Norwegian Bokmål'), ('nn', 'Norwegian Nynorsk'), ('en', 'English')], default=newsroom.core.original_language.site_language, help_text='The language this is written in. Only its fields are required; the other languages are translations and may stay empty.', max_length=10, verbose_name='original language'),
        ),
    ]
