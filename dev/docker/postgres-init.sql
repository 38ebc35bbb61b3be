-- One database per service: no service reads another's tables.
create database appeals;
create database routing;
create database notification;
