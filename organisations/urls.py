from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("vcard/<int:pk>.vcf", views.contact_vcard_download, name="vcard"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
