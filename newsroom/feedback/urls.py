from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("answer/", views.answer, name="answer"),
    path("comment/", views.comment, name="comment"),
]
