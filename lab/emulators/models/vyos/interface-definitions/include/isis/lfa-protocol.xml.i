<!-- include start from isis/lfa-protocol.xml.i -->
<node name="lfa">
  <properties>
    <help>Loop free alternate functionality</help>
  </properties>
  <children>
    #include <include/isis/lfa-remote.xml.i>
    #include <include/isis/lfa-local.xml.i>
  </children>
</node>
<!-- include end -->